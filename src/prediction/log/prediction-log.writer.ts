import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PredictionLogRepository } from './prediction-log.repository';
import { PredictionRecord } from './prediction-record';
import { PredictionLogEvents } from './prediction-log.events';

/**
 * Keeps the database off the request path: records are buffered in memory (bounded) and
 * written in multi-row batches by a timer; shutdown drains the buffer. A record leaves the
 * buffer only once Postgres has accepted it, so a failed batch is retried, not lost.
 */
@Injectable()
export class PredictionLogWriter implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(PredictionLogWriter.name);
  private queue: PredictionRecord[] = [];
  private readonly pending = new Map<string, PredictionRecord>();
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private consecutiveFailures = 0;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PredictionLogRepository,
    private readonly events: PredictionLogEvents,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.predictionLog.flushIntervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.drain(10_000);
  }

  /** Never blocks and never throws: the prediction has already been served. */
  enqueue(record: PredictionRecord): void {
    if (this.queue.length >= this.config.predictionLog.bufferMax) {
      this.events.dropped(1, 'buffer_full');
      return;
    }
    this.queue.push(record);
    this.pending.set(record.id, record);
    this.events.queued(1, this.queue.length);
    if (this.queue.length >= this.config.predictionLog.batchSize && !this.flushing) void this.flush();
  }

  /** A record still waiting in memory, so a read right after a prediction finds it. */
  findPending(id: string): PredictionRecord | undefined {
    return this.pending.get(id);
  }

  get depth(): number {
    return this.queue.length;
  }

  /** Ready means the buffer is below its high-water mark and writes are succeeding. */
  get keepingUp(): boolean {
    return this.queue.length < this.config.predictionLog.bufferMax * 0.8 && this.consecutiveFailures < 3;
  }

  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.flushAll().finally(() => (this.flushing = undefined));
    }
    return this.flushing;
  }

  /** Flushes until the buffer is empty or the deadline passes (shutdown, tests). */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length > 0 && Date.now() < deadline) {
      await this.flush();
      if (this.consecutiveFailures > 0) await new Promise((r) => setTimeout(r, 100));
    }
    if (this.queue.length > 0)
      this.logger.error(`${this.queue.length} prediction log records not written at shutdown`);
  }

  private async flushAll(): Promise<void> {
    const { batchSize } = this.config.predictionLog;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, batchSize);
      const started = performance.now();
      try {
        await this.repository.insertMany(batch);
      } catch (err) {
        this.consecutiveFailures++;
        this.events.failed(batch.length, err as Error);
        if (this.consecutiveFailures === 1 || this.consecutiveFailures % 50 === 0) {
          this.logger.error(
            `prediction log write failed (${this.consecutiveFailures}x): ${(err as Error).message}`,
          );
        }
        return;
      }
      this.consecutiveFailures = 0;
      this.queue = this.queue.slice(batch.length);
      for (const r of batch) this.pending.delete(r.id);
      this.events.written(batch.length, (performance.now() - started) / 1000, this.queue.length);
      if (this.stopped && this.queue.length === 0) return;
    }
  }
}
