import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ValidationFailedError } from '../../common/errors/domain-error';
import { Manifest } from '../../model-registry/manifest';
import { ModelRegistry } from '../../model-registry/model-registry.service';
import { classificationMetrics } from './classification-metrics';
import { PerformanceHistoryEntity } from './performance-history.entity';
import { PerformanceRepository } from './performance.repository';
import { LabelSummary, PerformanceReport, PerformanceScope } from './performance.types';
import { regressionMetrics } from './regression-metrics';
import { parseWindow, windowBounds } from './window';

/** Live model quality from delayed labels, for one model version over one window of prediction time. */
@Injectable()
export class PerformanceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly repository: PerformanceRepository,
    private readonly clock: Clock,
  ) {}

  /** On demand: the version defaults to the model's default version. */
  compute(modelName: string, version: string | undefined, window: string): Promise<PerformanceReport> {
    const seconds = this.checkWindow(window);
    const v = this.registry.version(modelName, version);
    if (!v.manifest) {
      throw new ValidationFailedError([
        {
          field: 'version',
          message: `version "${v.version}" has no manifest, so its task and labels are unknown`,
        },
      ]);
    }
    return this.computeFor(v.name, v.version, v.manifest, window, seconds);
  }

  /** The scheduled computations stored for that version and window, newest first. */
  async history(
    modelName: string,
    version: string | undefined,
    window: string,
    limit: number,
  ): Promise<{ modelVersion: string; rows: PerformanceHistoryEntity[] }> {
    this.checkWindow(window);
    const v = this.registry.version(modelName, version);
    return { modelVersion: v.version, rows: await this.repository.history(v.name, v.version, window, limit) };
  }

  async computeFor(
    modelName: string,
    modelVersion: string,
    manifest: Manifest,
    window: string,
    seconds: number,
    now: Date = this.clock.now(),
  ): Promise<PerformanceReport> {
    const { start, end } = windowBounds(now, seconds);
    const scope: PerformanceScope = { modelName, modelVersion, start, end };
    const head = { modelName, modelVersion, task: manifest.task, window, windowStart: start, windowEnd: end };
    const minSample = this.config.performance.minSample;
    if (manifest.task === 'regression') {
      const agg = await this.repository.regression(scope);
      return { ...head, ...summary(agg, minSample), metrics: regressionMetrics(agg) };
    }
    const labels = manifest.labels;
    // ROC AUC scores the manifest's second label; for any other model the value is unused
    const agg = await this.repository.classification(scope, labels, labels[1] ?? labels[0] ?? '');
    return { ...head, ...summary(agg, minSample), metrics: classificationMetrics(labels, agg) };
  }

  /** The window's seconds; a 422 naming `window` for anything else. */
  checkWindow(window: string): number {
    const seconds = parseWindow(window);
    if (seconds === undefined) {
      throw new ValidationFailedError([
        { field: 'window', message: 'must be a duration such as 30m, 1h, 24h or 7d (at most 400d)' },
      ]);
    }
    return seconds;
  }
}

function summary(
  agg: LabelSummary,
  minSample: number,
): Pick<
  PerformanceReport,
  'status' | 'minSample' | 'predictions' | 'labelled' | 'labelCoverage' | 'medianLabelDelaySeconds'
> {
  return {
    // figures from a handful of labels are computed (and shown) but never alerted on
    status: agg.labelled < minSample ? 'insufficient_data' : 'ok',
    minSample,
    predictions: agg.predictions,
    labelled: agg.labelled,
    labelCoverage: agg.predictions === 0 ? null : agg.labelled / agg.predictions,
    medianLabelDelaySeconds: agg.medianDelaySeconds,
  };
}
