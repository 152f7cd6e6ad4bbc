import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JournalEntry, PredictionLogJournal } from '../journal/journal';
import { PredictionLogEvents } from '../prediction-log.events';
import { PredictionRecord } from '../record/prediction-record';
import { PredictionLogRepository } from '../store/prediction-log.repository';
import { BatchSender } from './batch-sender';
import { PendingRecords } from './pending-records';

/**
 * `stream`: records are written to Postgres from memory (the journal has them too, for a crash).
 * `replay`: Postgres failed or memory filled up; records are written from the journal, in the
 * order they were appended, until it has nothing uncommitted left, and then memory takes over.
 */
export type WriterMode = 'stream' | 'replay';

/**
 * Keeps the database off the request path. Every record is appended to the disk journal before
 * its response is sent (one write per event-loop turn for the records of that turn) and kept in
 * memory; a timer writes memory to Postgres in batches, PREDICTION_LOG_WRITE_CONCURRENCY at once,
 * and a committed batch is marked in the journal, which deletes what is all committed. When a
 * write fails or memory is full the writer replays the journal instead (ReplayLoop). Only what
 * the journal refused (full, failing disk) lives in memory alone; it is dropped, and counted,
 * only when memory is full too.
 */
@Injectable()
export class PredictionLogWriter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PredictionLogWriter.name);
  private readonly settings: AppConfig['predictionLog'];
  private readonly shutdownTimeoutMs: number;
  private readonly sender: BatchSender;
  private readonly pending: PendingRecords;
  private mode: WriterMode = 'stream';
  /** Replaying what a previous process left: not ready until it is done. */
  private recovering = false;
  /** Stream mode: records in memory waiting for a batch. */
  private queue: JournalEntry[] = [];
  /** Records the journal refused (or, write-ahead off, never had): written from memory in replay mode. */
  private unjournaled: JournalEntry[] = [];
  /** A replay batch that failed, tried again first. */
  private retry?: JournalEntry[];
  private readonly writers = new Set<Promise<void>>();
  private groupScheduled = false;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;
  private lastDropLog = 0;
  private shutDown?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    repository: PredictionLogRepository,
    private readonly journal: PredictionLogJournal,
    private readonly events: PredictionLogEvents,
  ) {
    this.settings = config.predictionLog;
    this.shutdownTimeoutMs = config.limits.shutdownTimeoutMs;
    this.sender = new BatchSender(repository, events, this.settings.flushIntervalMs);
    this.pending = new PendingRecords(this.settings.bufferMax);
  }

  /** After every module is up, so an app that fails to start never takes the journal's lock. */
  onApplicationBootstrap(): void {
    this.journal.open();
    if (this.journal.depth > 0) {
      // a previous process left records behind (a crash, or an outage at shutdown): replay them first
      this.mode = 'replay';
      this.recovering = true;
      this.logger.warn(`${this.journal.depth} journaled prediction log record(s) to replay`);
      void this.flush(true);
    }
    this.timer = setInterval(() => void this.flush(), this.settings.flushIntervalMs);
    this.timer.unref();
  }

  /** Safety net when nothing called shutdown() first (see GracefulShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }

  get enabled(): boolean {
    return this.settings.enabled !== false;
  }

  /** Never blocks on the database and never throws: the prediction has already been served. */
  enqueueAll(records: readonly PredictionRecord[]): void {
    if (!this.enabled || records.length === 0) return;
    const entries = records.map((r) => JournalEntry.of(r));
    this.pending.add(records);
    if (this.mode === 'stream') {
      if (this.depth + entries.length <= this.settings.bufferMax) return this.keep(entries);
      this.enterReplay('memory is full');
    }
    this.appendToJournal(entries);
    this.events.queued(entries.length, this.depth);
    this.events.journaled(entries.length);
  }

  /** Stream mode: into memory (and ahead into the journal), written by the next batch. */
  private keep(entries: JournalEntry[]): void {
    for (const entry of entries) {
      entry.inMemory = true;
      this.queue.push(entry);
    }
    if (this.settings.writeAhead) this.appendToJournal(entries);
    this.events.queued(entries.length, this.depth);
    if (this.queue.length >= this.settings.batchSize) {
      if (!this.flushing) void this.flush();
      else this.addWriters();
    }
  }

  /** A record this process recorded and has not seen committed yet. */
  findPending(id: string): PredictionRecord | undefined {
    return this.pending.get(id);
  }

  /** Resolves once none of `ids` recorded here is still on its way (or after `timeoutMs`). */
  async waitForWritten(ids: readonly string[], timeoutMs: number): Promise<void> {
    if (!this.pending.any(ids)) return;
    void this.flush(true);
    await this.pending.waitFor(ids, timeoutMs);
  }

  /** Records held in memory. */
  get depth(): number {
    return this.queue.length + this.unjournaled.length;
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
  get degraded(): boolean {
    return this.mode === 'replay';
  }
  /** Replaying the journal a previous process left. */
  get replayingLeftovers(): boolean {
    return this.recovering;
  }
  /** False only when records are about to be dropped: memory and journal both near their bounds. */
  get keepingUp(): boolean {
    const memoryFull = this.depth >= this.settings.bufferMax * 0.8;
    return !memoryFull || this.journal.bytes < this.journal.maxBytes * 0.95;
  }

  flush(force = false): Promise<void> {
    if (!this.flushing && (force || this.sender.due)) {
      this.flushing = this.flushAll().finally(() => (this.flushing = undefined));
    }
    return this.flushing ?? Promise.resolve();
  }

  /** Writes memory and replays the journal until both are empty, Postgres fails, or the deadline passes. */
  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.hasWork() && Date.now() < deadline) {
      await this.flush(true);
      if (this.sender.failing) await sleep(100);
    }
  }

  /**
   * Writes what it can within SHUTDOWN_TIMEOUT_MS and closes the journal: what is not in Postgres
   * stays there for the next start. Only records the journal refused are lost (and counted).
   */
  shutdown(): Promise<void> {
    this.shutDown ??= (async () => {
      clearInterval(this.timer);
      const deadline = Date.now() + this.shutdownTimeoutMs;
      while (this.hasWork() && !this.sender.failing && Date.now() < deadline) {
        await this.flush(true);
        await new Promise(setImmediate); // let in-flight I/O settle between rounds
      }
      await this.flushing;
      await Promise.all(this.writers);
      this.commitGroup();
      const left = [...this.queue, ...this.unjournaled, ...(this.retry ?? [])].filter((e) => !e.journaled);
      this.journal.append(left);
      const refused = this.journal.flush();
      if (refused.length > 0) {
        this.events.dropped(refused.length, 'journal_full');
        this.logger.error(
          `${refused.length} prediction log records lost at shutdown: the journal refused them`,
        );
      }
      if (this.journal.depth > 0) {
        this.logger.warn(`${this.journal.depth} prediction log record(s) left in ${this.journal.location}`);
      }
      this.journal.close();
    })();
    return this.shutDown;
  }

  /** In stream mode the journal holds what memory holds; in replay mode it is the work. */
  private hasWork(): boolean {
    const replaying = this.mode === 'replay' && (this.journal.depth > 0 || this.retry !== undefined);
    return this.queue.length > 0 || this.unjournaled.length > 0 || this.writers.size > 0 || replaying;
  }

  /** Queues entries for the journal's next group write, at the end of this turn of the event loop. */
  private appendToJournal(entries: JournalEntry[]): void {
    this.journal.append(entries);
    if (this.groupScheduled) return;
    this.groupScheduled = true;
    // a microtask runs before the continuations of whoever awaited the code that recorded these
    // records, so the group is on disk before any of their responses can be sent
    queueMicrotask(() => this.commitGroup());
  }

  /** Writes the queued group now; what the journal refused stays in memory (or is dropped). */
  private commitGroup(): void {
    this.groupScheduled = false;
    for (const entry of this.journal.flush()) {
      if (entry.inMemory) continue;
      if (this.depth < this.settings.bufferMax) this.unjournaled.push(entry);
      else this.drop(entry);
    }
  }

  private drop(entry: JournalEntry): void {
    this.pending.remove([entry.id]);
    this.events.dropped(1, 'journal_full');
    if (Date.now() - this.lastDropLog > 10_000) {
      this.lastDropLog = Date.now();
      this.logger.error('prediction log records are being dropped: memory and journal are both full');
    }
  }

  private async flushAll(): Promise<void> {
    if (this.mode === 'replay') await this.replay();
    if (this.mode === 'stream') {
      this.addWriters();
      while (this.writers.size > 0) await Promise.all(this.writers);
    }
  }

  /** A writer for memory, and more while a full batch waits, up to PREDICTION_LOG_WRITE_CONCURRENCY. */
  private addWriters(): void {
    const { writeConcurrency, batchSize } = this.settings;
    while (
      this.mode === 'stream' &&
      this.writers.size < writeConcurrency &&
      this.queue.length >= (this.writers.size === 0 ? 1 : batchSize)
    ) {
      const writer: Promise<void> = this.writeMemory().finally(() => this.writers.delete(writer));
      this.writers.add(writer);
    }
  }

  /** One of the concurrent writers: takes the oldest batch in memory until memory is empty. */
  private async writeMemory(): Promise<void> {
    while (this.mode === 'stream' && this.queue.length > 0) {
      this.commitGroup(); // the batch's journal positions must be known before it can be committed
      const batch = this.queue.splice(0, this.settings.batchSize);
      if (await this.sender.send(batch, () => this.depth)) {
        this.committed(batch);
        continue;
      }
      this.enterReplay('a write failed', batch);
      return;
    }
  }

  private committed(batch: readonly JournalEntry[]): void {
    this.journal.commit(batch);
    this.pending.remove(batch.map((e) => e.id));
  }

  /**
   * Memory hands over to the journal: what memory holds (the queue, and a batch whose write
   * failed) is there already, or is kept for a direct write when the journal lacks it.
   */
  private enterReplay(why: string, failed: readonly JournalEntry[] = []): void {
    this.commitGroup();
    const moved = [...failed, ...this.queue];
    this.queue = [];
    for (const entry of moved) {
      entry.inMemory = false;
      if (!entry.journaled) this.unjournaled.push(entry);
    }
    this.events.journaled(moved.length);
    if (this.mode === 'replay') return;
    this.logger.warn(`prediction log: ${why}; writing from the journal in ${this.journal.location}`);
    this.mode = 'replay';
    this.journal.rewind();
  }

  /** Replay mode: memory-only records first, then the journal in append order, until caught up. */
  private async replay(): Promise<void> {
    while (this.mode === 'replay') {
      this.commitGroup();
      const batch = this.retry ?? this.nextReplayBatch();
      if (batch.length === 0) {
        // a batch still in flight from memory may fail and hand its records back
        if (this.writers.size > 0) {
          await Promise.all(this.writers);
          continue;
        }
        this.enterStream();
        return;
      }
      this.retry = batch;
      if (!(await this.sender.send(batch, () => this.depth))) return;
      this.retry = undefined;
      this.committed(batch);
      this.events.replayed(batch.length);
    }
  }

  private nextReplayBatch(): JournalEntry[] {
    const { batchSize } = this.settings;
    if (this.unjournaled.length > 0) return this.unjournaled.splice(0, batchSize);
    return this.journal.read(batchSize);
  }

  private enterStream(): void {
    this.mode = 'stream';
    if (this.recovering) this.logger.log('prediction log journal left by the previous process replayed');
    else this.logger.log('prediction log journal replayed: writing from memory again');
    this.recovering = false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
