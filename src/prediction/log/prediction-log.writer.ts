import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PredictionLogJournal } from './journal/journal';
import { PredictionLogRepository } from './prediction-log.repository';
import { PredictionRecord } from './prediction-record';
import { PredictionLogEvents } from './prediction-log.events';

const MAX_RETRY_DELAY_MS = 2000;

/**
 * Keeps the database off the request path: records are buffered in memory (bounded) and written
 * in multi-row batches by a timer. When a write fails or memory fills up, the buffer is moved to
 * the disk journal and every new record is appended there (synchronously, before the response)
 * until the journal has been replayed into Postgres, oldest first. A record is dropped only when
 * both the memory bound and the journal bound are exhausted.
 */
@Injectable()
export class PredictionLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PredictionLogWriter.name);
  private queue: PredictionRecord[] = [];
  /** The memory batch being written; moved to the journal too if memory overflows meanwhile. */
  private inFlight: PredictionRecord[] = [];
  private inFlightJournaled = false;
  private readonly pending = new Map<string, PredictionRecord>();
  /** New records go to the journal until it has been replayed, which keeps them in order. */
  private journaling = false;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private consecutiveFailures = 0;
  private retryAt = 0;
  private lastDropLog = 0;
  private shutDown?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: PredictionLogRepository,
    private readonly journal: PredictionLogJournal,
    private readonly events: PredictionLogEvents,
  ) {}

  /** After every module is up, so an app that fails to start never takes the journal's lock. */
  onApplicationBootstrap(): void {
    this.journal.open();
    if (this.journal.depth > 0) {
      // a previous process left records behind (a crash or an outage at shutdown): replay them first
      this.journaling = true;
      this.logger.warn(`${this.journal.depth} journaled prediction log record(s) to replay`);
    }
    this.timer = setInterval(() => void this.flush(), this.config.predictionLog.flushIntervalMs);
    this.timer.unref();
  }

  /** Safety net when nothing called shutdown() first (see GracefulShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }

  /**
   * Writes memory to Postgres within SHUTDOWN_TIMEOUT_MS, journals whatever is left (all of it at
   * once when Postgres is already failing), and closes the journal; the next start replays it.
   */
  shutdown(): Promise<void> {
    this.shutDown ??= (async () => {
      clearInterval(this.timer);
      const deadline = Date.now() + this.config.limits.shutdownTimeoutMs;
      while (this.queue.length > 0 && !this.journaling && Date.now() < deadline) await this.flush(true);
      await this.flushing;
      if (this.queue.length > 0) this.startJournaling();
      if (this.queue.length > 0) {
        this.events.dropped(this.queue.length, 'journal_full');
        this.logger.error(
          `${this.queue.length} prediction log records lost at shutdown: the journal is full`,
        );
      }
      if (this.journal.depth > 0) {
        this.logger.warn(`${this.journal.depth} prediction log record(s) left in ${this.journal.location}`);
      }
      this.journal.close();
    })();
    return this.shutDown;
  }

  /** False when PREDICTION_LOG_ENABLED=false: callers need not even build records. */
  get enabled(): boolean {
    return this.config.predictionLog.enabled !== false;
  }

  /** Never blocks on the database and never throws: the prediction has already been served. */
  enqueue(record: PredictionRecord): void {
    if (this.config.predictionLog.enabled === false) return;
    const { bufferMax, batchSize } = this.config.predictionLog;
    if (!this.journaling && !this.shutDown && this.queue.length < bufferMax) {
      this.queue.push(record);
      this.pending.set(record.id, record);
      this.events.queued(1, this.queue.length);
      if (this.queue.length >= batchSize && !this.flushing) void this.flush();
      return;
    }
    if (!this.journaling) this.startJournaling();
    if (this.journal.append([record]) === 1) return this.events.journaled(1);
    if (this.queue.length < bufferMax) {
      // the journal is full: memory holds what it can until replay makes room
      this.queue.push(record);
      this.pending.set(record.id, record);
      this.events.queued(1, this.queue.length);
      return;
    }
    this.events.dropped(1, 'journal_full');
    if (Date.now() - this.lastDropLog > 10_000) {
      this.lastDropLog = Date.now();
      this.logger.error('prediction log records are being dropped: memory and journal are both full');
    }
  }

  /** A record still waiting in memory, so a read right after a prediction finds it. */
  findPending(id: string): PredictionRecord | undefined {
    return this.pending.get(id);
  }

  /** Records waiting in memory. */
  get depth(): number {
    return this.queue.length;
  }

  get journalDepth(): number {
    return this.journal.depth;
  }

  get journalBytes(): number {
    return this.journal.bytes;
  }

  get journalMaxBytes(): number {
    return this.journal.maxBytes;
  }

  /** Records are going to (or waiting in) the journal: Postgres is down or was until lately. */
  get degraded(): boolean {
    return this.journaling;
  }

  /** False only when records are about to be dropped: memory and journal both near their bounds. */
  get keepingUp(): boolean {
    const memoryFull = this.queue.length >= this.config.predictionLog.bufferMax * 0.8;
    return !memoryFull || this.journal.bytes < this.journal.maxBytes * 0.95;
  }

  flush(force = false): Promise<void> {
    if (!this.flushing && (force || Date.now() >= this.retryAt)) {
      this.flushing = this.flushAll().finally(() => (this.flushing = undefined));
    }
    return this.flushing ?? Promise.resolve();
  }

  /** Flushes memory and replays the journal until both are empty or the deadline passes. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.queue.length > 0 || this.journal.depth > 0) && Date.now() < deadline) {
      await this.flush(true);
      if (this.consecutiveFailures > 0) await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async flushAll(): Promise<void> {
    while (this.journaling) {
      const batch = this.journal.read(this.config.predictionLog.batchSize);
      if (!batch) {
        this.journaling = false;
        this.logger.log('prediction log journal replayed: writing from memory again');
        break;
      }
      if (!(await this.write(batch.records))) return;
      batch.commit();
      this.events.replayed(batch.records.length);
    }
    while (this.queue.length > 0 && !this.journaling) {
      const batch = this.queue.splice(0, this.config.predictionLog.batchSize);
      this.inFlight = batch;
      this.inFlightJournaled = false;
      const ok = await this.write(batch);
      const journaled = this.inFlightJournaled;
      this.inFlight = [];
      if (ok || journaled) {
        for (const r of batch) this.pending.delete(r.id);
      } else {
        this.queue = batch.concat(this.queue);
      }
      if (!ok) {
        this.startJournaling();
        return;
      }
    }
  }

  private async write(records: PredictionRecord[]): Promise<boolean> {
    const started = performance.now();
    try {
      await this.repository.insertMany(records);
    } catch (err) {
      this.consecutiveFailures++;
      const { flushIntervalMs } = this.config.predictionLog;
      this.retryAt =
        Date.now() + Math.min(MAX_RETRY_DELAY_MS, flushIntervalMs * 2 ** (this.consecutiveFailures - 1));
      this.events.failed(records.length, err as Error);
      if (this.consecutiveFailures === 1 || this.consecutiveFailures % 50 === 0) {
        // the driver's message only: a DETAIL line could quote a value from the batch
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
    this.events.written(records.length, (performance.now() - started) / 1000, this.queue.length);
    return true;
  }

  /**
   * Moves memory (the in-flight batch too: if its write succeeds after all, replaying it again is
   * a no-op thanks to ON CONFLICT) to the journal, and routes new records there.
   */
  private startJournaling(): void {
    if (!this.journaling) this.logger.warn(`prediction log: journaling to ${this.journal.location}`);
    this.journaling = true;
    const spill = this.inFlightJournaled ? this.queue : this.inFlight.concat(this.queue);
    if (spill.length === 0) return;
    const n = this.journal.append(spill);
    if (n > 0) this.events.journaled(n);
    const fromInFlight = this.inFlightJournaled ? 0 : this.inFlight.length;
    if (n >= fromInFlight) this.inFlightJournaled = true;
    const journaledQueue = Math.max(0, n - fromInFlight);
    for (const r of this.queue.slice(0, journaledQueue)) this.pending.delete(r.id);
    this.queue = this.queue.slice(journaledQueue);
  }
}
