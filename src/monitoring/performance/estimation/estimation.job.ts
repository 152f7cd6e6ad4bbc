import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../../common/clock';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { ModelRegistry } from '../../../model-registry/model-registry.service';
import { ServableVersion } from '../../../model-registry/model-version';
import { JobMetrics } from '../../../telemetry/job.metrics';
import { PerformanceService } from '../performance.service';
import { parseWindow, windowBounds } from '../window';
import { EstimateHistoryEntity } from './estimate-history.entity';
import { EstimationGauges } from './estimation.gauges';
import { EstimationRepository } from './estimation.repository';
import { EstimationService } from './estimation.service';
import { EstimatedPerformance } from './estimation.types';

const INTERVAL_NAME = 'performance_estimation';

/** One scheduled estimate, with what it was computed for. */
export interface ScheduledEstimate {
  modelName: string;
  modelVersion: string;
  window: string;
  start: Date;
  end: Date;
  estimate: EstimatedPerformance;
}

/**
 * Every PERFORMANCE_INTERVAL_SECONDS, like the realized performance job: each ready classifier
 * version × each of PERFORMANCE_WINDOWS is estimated at one instant (with the realized figures of
 * the same window, for the estimation error), stored and exported. One failing version does not
 * stop the others; a run still going makes the next tick a no-op.
 */
@Injectable()
export class EstimationJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EstimationJob.name);
  private running?: Promise<ScheduledEstimate[]>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly performance: PerformanceService,
    private readonly estimation: EstimationService,
    private readonly repository: EstimationRepository,
    private readonly gauges: EstimationGauges,
    private readonly jobs: JobMetrics,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.performance.intervalSeconds;
    if (seconds === 0) return;
    const timer = setInterval(() => void this.run(), seconds * 1000);
    timer.unref();
    this.scheduler.addInterval(INTERVAL_NAME, timer);
    void this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  run(): Promise<ScheduledEstimate[]> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<ScheduledEstimate[]> {
    const done: ScheduledEstimate[] = [];
    await this.jobs.run('performance_estimation', () => this.pass(done)).catch(() => undefined);
    return done;
  }

  private versions(): ServableVersion[] {
    return this.registry
      .list()
      .flatMap((m) => [...m.versions.values()])
      .filter(
        (v): v is ServableVersion =>
          v.status === 'ready' && v.manifest?.task === 'classification' && !!v.encoder && !!v.session,
      );
  }

  private async pass(done: ScheduledEstimate[]): Promise<void> {
    let failures = 0;
    const now = this.clock.now();
    for (const v of this.versions()) {
      try {
        const ref = await this.estimation.reference(v);
        for (const window of this.config.performance.windows) {
          const seconds = parseWindow(window)!;
          const { start, end } = windowBounds(now, seconds);
          const realized = await this.performance.computeFor(
            v.name,
            v.version,
            v.manifest,
            window,
            seconds,
            now,
          );
          const estimate = await this.estimation.estimate({ v, start, end }, realized, ref);
          this.gauges.update(
            { model: v.name, version: v.version, window },
            estimate,
            'model' in ref ? ref.model : undefined,
          );
          done.push({ modelName: v.name, modelVersion: v.version, window, start, end, estimate });
        }
      } catch (err) {
        failures++;
        this.logger.error(
          `estimated performance of ${v.name} v${v.version} failed: ${(err as Error).message}`,
        );
      }
    }
    try {
      await this.repository.saveHistory(done.map((d) => this.historyRow(d)));
    } catch (err) {
      failures++;
      this.logger.error(`estimate history not saved: ${(err as Error).message}`);
    }
    if (failures > 0) throw new Error(`${failures} performance estimations failed`);
  }

  private historyRow(d: ScheduledEstimate): EstimateHistoryEntity {
    return {
      id: uuidv7(),
      computedAt: d.end,
      modelName: d.modelName,
      modelVersion: d.modelVersion,
      timeWindow: d.window,
      windowStart: d.start,
      windowEnd: d.end,
      status: d.estimate.status,
      verdict: d.estimate.verdict,
      scoredCount: d.estimate.scored,
      labelledCount: d.estimate.estimation_error?.labelled ?? 0,
      estimatedAccuracy: d.estimate.metrics?.accuracy.value ?? null,
      estimate: d.estimate,
    };
  }
}
