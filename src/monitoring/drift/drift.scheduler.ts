import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ModelRegistry } from '../../model-registry/model-registry.service';
import { ServableVersion } from '../../model-registry/model-version';
import { JobMetrics, TickOutcome } from '../../telemetry/job.metrics';
import { ATTR, endWith, SPAN, tracer } from '../../common/tracing/tracing';
import { parseWindow } from '../performance/window';
import { DriftLock } from './drift-lock';
import { DriftService } from './drift.service';

const INTERVAL_NAME = 'drift';

/**
 * Every DRIFT_INTERVAL_SECONDS, drift over the last DRIFT_WINDOW for every ready model version with
 * a reference. Replicas sharing a database contend for one advisory lock, and each run claims its
 * (model, version, slot) row, slot = floor(now / interval): so a tick runs on exactly one replica,
 * however the replicas' timers interleave. A version that fails is logged; the others still run.
 */
@Injectable()
export class DriftScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DriftScheduler.name);
  private running?: Promise<TickOutcome>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly drift: DriftService,
    private readonly lock: DriftLock,
    private readonly jobs: JobMetrics,
    private readonly scheduler: SchedulerRegistry,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    void this.drift
      .restoreGauges()
      .catch((err: Error) => this.logger.warn(`drift gauges not restored: ${err.message}`));
    if (!this.config.drift.scheduleEnabled) return;
    const timer = setInterval(() => void this.tick(), this.config.drift.intervalSeconds * 1000);
    timer.unref();
    this.scheduler.addInterval(INTERVAL_NAME, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME)) this.scheduler.deleteInterval(INTERVAL_NAME);
    await this.running;
  }

  /** One tick; a tick still running on this replica makes the next one a no-op. */
  tick(): Promise<TickOutcome> {
    if (this.running) {
      this.jobs.ticked('drift', 'busy');
      return Promise.resolve('busy');
    }
    this.running = this.tickOnce()
      .catch((err: Error) => {
        this.logger.error(`drift tick failed: ${err.message}`);
        return 'failed' as const;
      })
      .then((outcome) => {
        this.jobs.ticked('drift', outcome);
        return outcome;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async tickOnce(): Promise<TickOutcome> {
    const now = this.clock.now();
    const interval = this.config.drift.intervalSeconds;
    const slot = Math.floor(now.getTime() / 1000 / interval);
    const seconds = parseWindow(this.config.drift.window)!;
    const window = { from: new Date(now.getTime() - seconds * 1000), to: now };
    const held = await this.lock.withLock(() => this.pass(slot, window));
    return held.locked ? held.value : 'locked';
  }

  private async pass(slot: number, window: { from: Date; to: Date }): Promise<TickOutcome> {
    const versions = this.registry
      .list()
      .flatMap((m) => [...m.versions.values()])
      .filter((v): v is ServableVersion => v.status === 'ready' && v.manifest !== undefined);
    let counts: { ran: number; taken: number };
    try {
      counts = await tracer.startActiveSpan(
        SPAN.job('drift'),
        { attributes: { [ATTR.jobName]: 'drift' } },
        (span) => endWith(span, this.runAll(versions, slot, window)),
      );
    } catch {
      this.jobs.failed('drift');
      return 'failed';
    }
    // another replica already ran this slot: not a run of this replica's
    if (counts.ran === 0 && counts.taken > 0) return 'taken';
    this.jobs.succeeded('drift');
    return 'ran';
  }

  /** Every version in turn; a failure is logged and the next version still runs. */
  private async runAll(
    versions: ServableVersion[],
    slot: number,
    window: { from: Date; to: Date },
  ): Promise<{ ran: number; taken: number }> {
    let ran = 0;
    let taken = 0;
    let failures = 0;
    for (const v of versions) {
      try {
        const outcome = await this.drift.scheduled(v, slot, window);
        if (outcome === 'ran') ran++;
        else if (outcome === 'taken') taken++;
      } catch (err) {
        failures++;
        this.logger.error(`drift of ${v.name} v${v.version} failed: ${(err as Error).message}`);
      }
    }
    if (failures > 0) throw new Error(`${failures} drift runs failed`);
    return { ran, taken };
  }
}
