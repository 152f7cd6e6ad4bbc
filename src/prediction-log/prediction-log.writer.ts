import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PredictionLogJournal } from './journal/journal';
import { PredictionLogRepository } from './store/prediction-log.repository';
import { PredictionRecord } from './record/prediction-record';
import { PredictionLogEvents } from './prediction-log.events';

const MAX_RETRY_DELAY_MS = 2000;
/** Records moved from memory to the journal per event-loop turn: ~10 ms of encoding and writing. */
const SPILL_SLICE = 2000;

interface InFlight {
  records: PredictionRecord[];
  /** Also in the journal: if the write fails after all, the replay has it. */
  journaled: boolean;
}

/**
 * Keeps the database off the request path: records are buffered in memory (bounded) and written
 * in multi-row batches by a timer, PREDICTION_LOG_WRITE_CONCURRENCY batches at a time. When a
 * write fails or memory fills up, memory is moved to the disk journal (a slice per event-loop
 * turn, so a full buffer does not stall requests) and every new record is appended there
 * (synchronously, before the response) until the journal has been replayed into Postgres. A
 * record is dropped only when both the memory bound and the journal bound are exhausted.
 */
@Injectable()
export class PredictionLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PredictionLogWriter.name);
  private queue: PredictionRecord[] = [];
  /** The memory batches being written; moved to the journal too if memory overflows meanwhile. */
  private readonly inFlight = new Set<InFlight>();
  private readonly writers = new Set<Promise<void>>();
  private readonly pending = new Map<string, PredictionRecord>();
  /** New records go to the journal until it has been replayed. */
  private journaling = false;
  private spill?: NodeJS.Immediate;
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
      if (this.queue.length > 0) this.startJournaling(true);
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
    this.enqueueAll([record]);
  }

  /** The records of one request; while journaling they go to disk in one write. */
  enqueueAll(records: PredictionRecord[]): void {
    if (this.config.predictionLog.enabled === false || records.length === 0) return;
    const { bufferMax, batchSize } = this.config.predictionLog;
    if (!this.journaling && !this.shutDown && this.queue.length + records.length <= bufferMax) {
      this.keep(records);
      if (this.queue.length >= batchSize) {
        if (!this.flushing) void this.flush();
        else this.addWriters();
      }
      return;
    }
    if (!this.journaling) this.startJournaling();
    const journaled = this.journal.append(records);
    if (journaled > 0) this.events.journaled(journaled);
    const rest = records.slice(journaled);
    // the journal is full: memory holds what it can until replay makes room
    const kept = rest.slice(0, Math.max(0, bufferMax - this.queue.length));
    if (kept.length > 0) this.keep(kept);
    if (rest.length > kept.length) this.dropped(rest.length - kept.length);
  }

  /** Into memory, findable by id until written. */
  private keep(records: PredictionRecord[]): void {
    for (const record of records) {
      this.queue.push(record);
      this.pending.set(record.id, record);
    }
    this.events.queued(records.length, this.queue.length);
  }

  private dropped(n: number): void {
    this.events.dropped(n, 'journal_full');
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
    this.addWriters();
    while (this.writers.size > 0) await Promise.all(this.writers);
  }

  /** A writer for memory, and more while a full batch waits, up to PREDICTION_LOG_WRITE_CONCURRENCY. */
  private addWriters(): void {
    const { writeConcurrency, batchSize } = this.config.predictionLog;
    while (
      !this.journaling &&
      this.writers.size < writeConcurrency &&
      this.queue.length >= (this.writers.size === 0 ? 1 : batchSize)
    ) {
      const writer: Promise<void> = this.writeMemory().finally(() => this.writers.delete(writer));
      this.writers.add(writer);
    }
  }

  /** One of the concurrent writers: takes the oldest batch in memory until memory is empty. */
  private async writeMemory(): Promise<void> {
    while (this.queue.length > 0 && !this.journaling) {
      const batch: InFlight = {
        records: this.queue.splice(0, this.config.predictionLog.batchSize),
        journaled: false,
      };
      this.inFlight.add(batch);
      const ok = await this.write(batch.records);
      this.inFlight.delete(batch);
      if (ok || batch.journaled) {
        for (const r of batch.records) this.pending.delete(r.id);
      } else {
        this.queue = batch.records.concat(this.queue);
      }
      if (!ok) return this.startJournaling();
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
   * Routes new records to the journal and moves memory there: the in-flight batches at once (if
   * a write succeeds after all, replaying it again is a no-op thanks to ON CONFLICT), the queue a
   * slice per event-loop turn, or all at once at shutdown.
   */
  private startJournaling(all = false): void {
    if (!this.journaling) this.logger.warn(`prediction log: journaling to ${this.journal.location}`);
    this.journaling = true;
    for (const batch of this.inFlight) {
      if (batch.journaled) continue;
      const n = this.journal.append(batch.records);
      if (n > 0) this.events.journaled(n);
      if (n < batch.records.length) return; // the journal is full: memory keeps the rest
      batch.journaled = true;
    }
    do {
      if (!this.spillSlice()) return;
    } while (all && this.queue.length > 0);
    if (this.queue.length > 0 && !this.spill) {
      this.spill = setImmediate(() => {
        this.spill = undefined;
        if (this.journaling) this.startJournaling();
      });
    }
  }

  /** Moves the oldest slice of memory to the journal; false when the journal took less. */
  private spillSlice(): boolean {
    const slice = this.queue.slice(0, SPILL_SLICE);
    if (slice.length === 0) return true;
    const n = this.journal.append(slice);
    if (n > 0) this.events.journaled(n);
    for (let i = 0; i < n; i++) this.pending.delete(slice[i].id);
    this.queue.splice(0, n);
    return n === slice.length;
  }
}
