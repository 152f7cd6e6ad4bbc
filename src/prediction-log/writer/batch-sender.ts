import { Logger } from '@nestjs/common';
import { JournalEntry } from '../journal/journal';
import { PredictionLogEvents } from '../prediction-log.events';
import { PredictionRecord } from '../record/prediction-record';
import { LogBatch } from '../store/log-batch';
import { COLUMN_NAMES } from '../store/log-columns';
import { PredictionLogRepository } from '../store/prediction-log.repository';

const MAX_RETRY_DELAY_MS = 2000;

/**
 * Sends one batch to Postgres and keeps the failure state: after a failure the next attempt
 * waits (exponential backoff from the flush interval, at most 2 s); errors are logged once per
 * outage and every 50th time after, with the driver's message only (a DETAIL line could quote a
 * value from the batch).
 */
export class BatchSender {
  private readonly logger = new Logger('PredictionLogWriter');
  private consecutiveFailures = 0;
  private retryAt = 0;

  constructor(
    private readonly repository: PredictionLogRepository,
    private readonly events: PredictionLogEvents,
    private readonly flushIntervalMs: number,
  ) {}

  /** The last write failed: Postgres is down or refusing. */
  get failing(): boolean {
    return this.consecutiveFailures > 0;
  }

  /** Whether a timer-driven attempt may go now (after a failure it waits for the backoff). */
  get due(): boolean {
    return Date.now() >= this.retryAt;
  }

  /** True when Postgres has the batch. */
  async send(entries: readonly JournalEntry[], depth: () => number): Promise<boolean> {
    const started = performance.now();
    try {
      await this.repository.insertMany(toBatch(entries));
    } catch (err) {
      this.consecutiveFailures++;
      this.retryAt =
        Date.now() + Math.min(MAX_RETRY_DELAY_MS, this.flushIntervalMs * 2 ** (this.consecutiveFailures - 1));
      this.events.failed(entries.length, err as Error);
      if (this.consecutiveFailures === 1 || this.consecutiveFailures % 50 === 0) {
        const message = String((err as Error).message)
          .slice(0, 200)
          .replace(/\s+/g, ' ');
        this.logger.error(`prediction log write failed (${this.consecutiveFailures}x): ${message}`);
      }
      return false;
    }
    if (this.consecutiveFailures > 0) this.logger.log('prediction log writes succeed again');
    this.consecutiveFailures = 0;
    this.retryAt = 0;
    this.events.written(entries.length, (performance.now() - started) / 1000, depth());
    return true;
  }
}

/**
 * The rows as encoded for the journal. A replay batch comes from one segment, whose header names
 * its columns; records held in memory (or from a segment of JSON lines) are encoded as of now.
 */
function toBatch(entries: readonly JournalEntry[]): LogBatch {
  const records = entries.map((e) => e.record).filter((r): r is PredictionRecord => r !== null);
  const columns = records.length === entries.length ? COLUMN_NAMES : entries[0].segment!.columns!;
  return { columns, rows: entries.map((e) => e.row), records };
}
