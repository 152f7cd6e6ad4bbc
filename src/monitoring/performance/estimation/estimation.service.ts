import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { ModelRegistry } from '../../../model-registry/model-registry.service';
import { ServableVersion } from '../../../model-registry/model-version';
import { SqlParams } from '../../../database/sql-params';
import { ClassificationMetrics, PerformanceReport } from '../performance.types';
import { CbpeModel } from './cbpe/cbpe-model';
import { estimatedValues, estimateMetrics, MetricEstimates, WindowExpectation } from './cbpe/estimate';
import { ESTIMATED_METRICS, EstimatedMetric } from './cbpe/expected-confusion';
import { EstimationRepository } from './estimation.repository';
import { EstimatedPerformance, PerformanceVerdict } from './estimation.types';
import { CbpeReference, PerformanceReferenceService } from './reference/performance-reference.service';

/** The window an estimate covers: performance's (start exclusive, end inclusive). */
export interface EstimateScope {
  v: ServableVersion;
  start: Date;
  end: Date;
  /** A segment's filter, composed into the window's WHERE (segments.ts). */
  extra?: (params: SqlParams) => string;
}

function unavailable(reason: string, minSample: number): EstimatedPerformance {
  return {
    method: 'cbpe',
    status: 'unavailable',
    reason,
    verdict: null,
    predictions: 0,
    scored: 0,
    min_sample: minSample,
    reference: null,
    metrics: null,
    confusion_matrix: null,
    estimation_error: null,
    realized_verdict: null,
  };
}

/** Degraded when a figure falls below the reference's band. */
function verdictOf(
  values: Partial<Record<EstimatedMetric, number | null>>,
  model: CbpeModel,
): PerformanceVerdict {
  const below = ESTIMATED_METRICS.some((m) => {
    const v = values[m];
    const lower = model.thresholds[m].lower;
    return typeof v === 'number' && lower !== null && v < lower;
  });
  return below ? 'degraded' : 'ok';
}

/**
 * Estimated performance (CBPE) of a window before its labels arrive: the reference's calibration
 * applied in Postgres, the expected confusion matrix turned into figures with confidence bands,
 * alerts against the reference's thresholds, and, for the predictions whose labels have arrived,
 * the estimate scored against the realized figures (docs/performance-estimation.md).
 */
@Injectable()
export class EstimationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly references: PerformanceReferenceService,
    private readonly repository: EstimationRepository,
  ) {}

  /** On demand, for the window of a realized report just computed (GET .../performance?estimated=true). */
  async forReport(realized: PerformanceReport): Promise<EstimatedPerformance> {
    const v = this.registry.version(realized.modelName, realized.modelVersion);
    if (v.status !== 'ready' || !v.manifest || !v.encoder || !v.session) {
      return unavailable(
        `version ${v.version} is not ready (${v.status})`,
        this.config.performance.minSample,
      );
    }
    return this.estimate(
      { v: v as ServableVersion, start: realized.windowStart, end: realized.windowEnd },
      realized,
    );
  }

  /** The scheduled estimates stored for that version and window, newest first. */
  async history(modelName: string, version: string | undefined, window: string, limit: number) {
    const v = this.registry.version(modelName, version);
    return { modelVersion: v.version, rows: await this.repository.history(v.name, v.version, window, limit) };
  }

  reference(v: ServableVersion): Promise<CbpeReference> {
    return this.references.referenceFor(v);
  }

  /** `realized`: the same window's realized report (its labelled predictions), for the estimation error. */
  async estimate(
    scope: EstimateScope,
    realized: PerformanceReport,
    ref?: CbpeReference,
  ): Promise<EstimatedPerformance> {
    const minSample = this.config.performance.minSample;
    const reference = ref ?? (await this.references.referenceFor(scope.v));
    if ('unavailable' in reference) return unavailable(reference.unavailable, minSample);
    const { model, stored } = reference;
    const window = {
      modelName: scope.v.name,
      modelVersion: scope.v.version,
      start: scope.start,
      end: scope.end,
    };
    const exp = await this.repository.expectations(window, model, scope.extra);
    if (exp.predictions > 0 && exp.all.scored === 0) {
      return {
        ...unavailable('the window has predictions but none with logged probabilities', minSample),
        predictions: exp.predictions,
      };
    }
    const enough = exp.all.scored >= minSample;
    const metrics: MetricEstimates | null = exp.all.scored > 0 ? estimateMetrics(model, exp.all) : null;
    const values = metrics ? Object.fromEntries(ESTIMATED_METRICS.map((m) => [m, metrics[m].value])) : {};
    return {
      method: 'cbpe',
      status: enough ? 'ok' : 'insufficient_data',
      reason: enough ? null : `${exp.all.scored} predictions, fewer than the ${minSample} an estimate needs`,
      verdict: enough ? verdictOf(values, model) : 'insufficient_data',
      predictions: exp.predictions,
      scored: exp.all.scored,
      min_sample: minSample,
      reference: {
        rows: stored.rows,
        probabilities: stored.probabilitySource,
        calibrated: Object.fromEntries(
          (model.labels.length === 2 ? [model.labels[1]] : model.labels).map((l, i) => [
            l,
            model.calibrators[i].kind === 'isotonic',
          ]),
        ),
        created_at: stored.createdAt.toISOString(),
      },
      metrics,
      confusion_matrix: { labels: model.labels, matrix: exp.all.confusion },
      estimation_error: this.estimationError(model, exp.labelledOnly, realized, minSample),
      realized_verdict: this.realizedVerdict(model, realized),
    };
  }

  private estimationError(
    model: CbpeModel,
    labelled: WindowExpectation,
    realized: PerformanceReport,
    minSample: number,
  ): EstimatedPerformance['estimation_error'] {
    if (labelled.scored === 0 || realized.labelled === 0) return null;
    const estimated = estimatedValues(model, labelled);
    const real = realized.metrics as ClassificationMetrics;
    const metrics = Object.fromEntries(
      ESTIMATED_METRICS.map((m) => {
        const e = estimated[m];
        const r = real[m];
        return [m, { estimated: e, realized: r, error: e === null || r === null ? null : e - r }];
      }),
    ) as NonNullable<EstimatedPerformance['estimation_error']>['metrics'];
    return {
      labelled: labelled.scored,
      status: labelled.scored >= minSample ? 'ok' : 'insufficient_data',
      metrics,
    };
  }

  private realizedVerdict(model: CbpeModel, realized: PerformanceReport): PerformanceVerdict {
    if (realized.status === 'insufficient_data') return 'insufficient_data';
    return verdictOf(realized.metrics as ClassificationMetrics, model);
  }
}
