import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { PredictionLogEvents } from '../prediction-log/prediction-log.events';
import { counter, LATENCY_BUCKETS } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';

/**
 * Drop reasons known up front, exported at 0 so an alert on them has a series from the start: the
 * writer drops only when memory and the journal are both exhausted, when a journal line is
 * damaged, or when a crash or power loss cut a journal's last record short.
 */
const DROP_REASONS = ['journal_full', 'journal_damaged', 'journal_torn'];

/** The prediction log pipeline families of docs/metrics.md, fed by the writer's event port. */
@Injectable()
export class MetricsPredictionLogEvents extends PredictionLogEvents {
  private readonly queuedTotal: Counter;
  private readonly writtenTotal: Counter;
  private readonly failedTotal: Counter;
  private readonly journaledTotal: Counter;
  private readonly replayedTotal: Counter;
  private readonly droppedTotal: Counter<'reason'>;
  private readonly depth: Gauge;
  private readonly writeDuration: Histogram;

  constructor(metrics: MetricsRegistry) {
    super();
    const registry = metrics.registry;
    const plain = (name: string, help: string): Counter => counter(registry, { name, help });
    this.queuedTotal = plain('sightline_prediction_log_queued_total', 'Records accepted into the log buffer');
    this.writtenTotal = plain('sightline_prediction_log_written_total', 'Records written to Postgres');
    this.failedTotal = plain(
      'sightline_prediction_log_failed_total',
      'Records in batches whose write failed (retried or journaled)',
    );
    this.journaledTotal = plain(
      'sightline_prediction_log_journaled_total',
      'Records written to Postgres through the journal instead of from memory (Postgres failed or memory was full)',
    );
    this.replayedTotal = plain(
      'sightline_prediction_log_replayed_total',
      'Journaled records replayed into Postgres',
    );
    this.droppedTotal = counter(registry, {
      name: 'sightline_prediction_log_dropped_total',
      help: 'Records lost because every bound was exhausted, by reason',
      labelNames: ['reason'],
    });
    for (const reason of DROP_REASONS) this.droppedTotal.inc({ reason }, 0);
    this.depth = new Gauge({
      name: 'sightline_prediction_log_queue_depth',
      help: 'Records waiting in memory to be written',
      registers: [registry],
    });
    this.writeDuration = new Histogram({
      name: 'sightline_prediction_log_write_duration_seconds',
      help: 'Time to write one batch of records',
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  override queued(count: number, depth: number): void {
    this.queuedTotal.inc(count);
    this.depth.set(depth);
  }

  override written(count: number, seconds: number, depth: number): void {
    this.writtenTotal.inc(count);
    this.writeDuration.observe(seconds);
    this.depth.set(depth);
  }

  override failed(count: number, _error: Error): void {
    this.failedTotal.inc(count);
  }

  override dropped(count: number, reason: string): void {
    this.droppedTotal.inc({ reason }, count);
  }

  override journaled(count: number): void {
    this.journaledTotal.inc(count);
  }

  override replayed(count: number): void {
    this.replayedTotal.inc(count);
  }
}
