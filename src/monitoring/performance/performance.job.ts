import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ModelRegistry } from '../../model-registry/model-registry.service';
import { JobMetrics } from '../../telemetry/job.metrics';
import { PerformanceHistoryEntity } from './performance-history.entity';
import { PerformanceGauges } from './performance.gauges';
import { PerformanceRepository } from './performance.repository';
import { PerformanceService } from './performance.service';
import { PerformanceReport } from './performance.types';
import { parseWindow } from './window';

const INTERVAL_NAME = 'performance';

/**
 * Every PERFORMANCE_INTERVAL_SECONDS: each loaded model version × each configured window is
 * computed, appended to the history table and exported as gauges. One failing version does not
 * stop the others; a run still in progress makes the next tick a no-op.
 */
@Injectable()
export class PerformanceJob implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PerformanceJob.name);
  private running?: Promise<PerformanceReport[]>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly service: PerformanceService,
    private readonly repository: PerformanceRepository,
    private readonly gauges: PerformanceGauges,
    private readonly jobs: JobMetrics,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  /** Boot fails on a window that is well-formed but out of range (PERFORMANCE_WINDOWS=900d). */
  onModuleInit(): void {
    const bad = this.config.performance.windows.filter((w) => parseWindow(w) === undefined);
    if (bad.length > 0) throw new Error(`PERFORMANCE_WINDOWS: ${bad.join(', ')} exceeds the 400d maximum`);
  }

  onApplicationBootstrap(): void {
    const seconds = this.config.performance.intervalSeconds;
    if (seconds === 0) return;
    const timer = setInterval(() => void this.run(), seconds * 1000);
    timer.unref();
    this.scheduler.addInterval(INTERVAL_NAME, timer);
    // the gauges should not wait a whole interval after a restart
    void this.run();
  }

  /** Lets a run in progress finish while the database is still there. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  /** One pass over every model version and window; resolves with the reports it produced. */
  run(): Promise<PerformanceReport[]> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<PerformanceReport[]> {
    const reports: PerformanceReport[] = [];
    // traced and counted as a job run; a failing version is logged below and fails the run
    await this.jobs.run('performance', () => this.pass(reports)).catch(() => undefined);
    return reports;
  }

  private async pass(reports: PerformanceReport[]): Promise<void> {
    let failures = 0;
    // one instant for the whole pass, so its windows line up across versions in the history
    const now = this.clock.now();
    for (const model of this.registry.list()) {
      for (const v of model.versions.values()) {
        if (!v.manifest) continue;
        for (const window of this.config.performance.windows) {
          try {
            reports.push(
              await this.service.computeFor(v.name, v.version, v.manifest, window, parseWindow(window)!, now),
            );
          } catch (err) {
            failures++;
            this.logger.error(
              `performance of ${v.name} v${v.version} over ${window} failed: ${(err as Error).message}`,
            );
          }
        }
      }
    }
    // the versions that worked are still exported and kept
    for (const r of reports) this.gauges.update(r);
    try {
      await this.repository.saveHistory(reports.map((r) => this.historyRow(r)));
    } catch (err) {
      failures++;
      this.logger.error(`performance history not saved: ${(err as Error).message}`);
    }
    if (failures > 0) throw new Error(`${failures} performance computations failed`);
  }

  private historyRow(r: PerformanceReport): PerformanceHistoryEntity {
    return {
      id: uuidv7(),
      computedAt: r.windowEnd,
      modelName: r.modelName,
      modelVersion: r.modelVersion,
      timeWindow: r.window,
      windowStart: r.windowStart,
      windowEnd: r.windowEnd,
      task: r.task,
      predictionCount: r.predictions,
      labelledCount: r.labelled,
      status: r.status,
      minSample: r.minSample,
      labelCoverage: r.labelCoverage,
      medianLabelDelaySeconds: r.medianLabelDelaySeconds,
      metrics: r.metrics,
    };
  }
}
