import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { Clock } from '../common/clock';
import { counter } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';
import { ATTR, endWith, SPAN, tracer } from '../common/tracing/tracing';

/** The scheduled jobs Sightline runs; the `job` label takes only these values. */
export type JobName = 'drift' | 'performance' | 'performance_estimation';

/**
 * What one tick of a job did on this replica: ran it, found another replica holding the lock
 * (`locked`) or having run the slot already (`taken`), found its own previous tick still running
 * (`busy`), or failed.
 */
export type TickOutcome = 'ran' | 'locked' | 'taken' | 'busy' | 'failed';

/**
 * `sightline_job_runs_total` and `sightline_job_last_success_timestamp_seconds`. Jobs either call
 * `succeeded`/`failed` themselves or hand their work to `run`, which also traces it.
 */
@Injectable()
export class JobMetrics {
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly lastSuccess: Gauge<'job'>;
  private readonly ticks: Counter<'job' | 'outcome'>;

  constructor(
    metrics: MetricsRegistry,
    private readonly clock: Clock,
  ) {
    this.runs = counter(metrics.registry, {
      name: 'sightline_job_runs_total',
      help: 'Scheduled job runs, by job and outcome (success or failure)',
      labelNames: ['job', 'outcome'],
    });
    this.lastSuccess = new Gauge({
      name: 'sightline_job_last_success_timestamp_seconds',
      help: 'Unix time of the last successful run of each job',
      labelNames: ['job'],
      registers: [metrics.registry],
    });
    this.ticks = counter(metrics.registry, {
      name: 'sightline_job_ticks_total',
      help: 'Timer ticks of each scheduled job on this replica, by what the tick did (ran, locked, taken, busy, failed)',
      labelNames: ['job', 'outcome'],
    });
  }

  ticked(job: JobName, outcome: TickOutcome): void {
    this.ticks.inc({ job, outcome });
  }

  succeeded(job: JobName): void {
    this.runs.inc({ job, outcome: 'success' });
    this.lastSuccess.set({ job }, this.clock.now().getTime() / 1000);
  }

  failed(job: JobName): void {
    this.runs.inc({ job, outcome: 'failure' });
  }

  /** Runs one job in its own span (`sightline.job.<name>`), counting the outcome. */
  run<T>(job: JobName, work: () => Promise<T>): Promise<T> {
    return tracer.startActiveSpan(SPAN.job(job), { attributes: { [ATTR.jobName]: job } }, (span) =>
      endWith(span, Promise.resolve().then(work)).then(
        (value) => {
          this.succeeded(job);
          return value;
        },
        (err: unknown) => {
          this.failed(job);
          throw err;
        },
      ),
    );
  }
}
