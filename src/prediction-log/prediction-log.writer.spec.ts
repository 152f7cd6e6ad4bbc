import { ConsoleLogger, Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { DiskJournal } from './journal/disk-journal';
import { PredictionLogEvents } from './prediction-log.events';
import { PredictionLogRepository } from './store/prediction-log.repository';
import { PredictionLogWriter } from './prediction-log.writer';
import { PredictionRecord } from './record/prediction-record';
import { logRecord } from '../../test/utils/log-records';

/** A database that can be switched off, stores by id like ON CONFLICT DO NOTHING, and counts inserts. */
class FakeRepository extends PredictionLogRepository {
  readonly rows = new Map<string, PredictionRecord>();
  readonly insertedIds: string[] = [];
  down = false;
  gate?: Promise<void>;
  active = 0;
  maxActive = 0;

  async insertMany(records: PredictionRecord[]): Promise<number> {
    this.maxActive = Math.max(this.maxActive, ++this.active);
    await this.gate;
    this.active--;
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    let n = 0;
    for (const r of records) {
      this.insertedIds.push(r.id);
      if (!this.rows.has(r.id)) n++;
      this.rows.set(r.id, r);
    }
    return n;
  }
}

class CountingEvents extends PredictionLogEvents {
  readonly counts: Record<string, number> = {};
  private add(name: string, n: number): void {
    this.counts[name] = (this.counts[name] ?? 0) + n;
  }
  override queued(n: number): void {
    this.add('queued', n);
  }
  override written(n: number): void {
    this.add('written', n);
  }
  override journaled(n: number): void {
    this.add('journaled', n);
  }
  override replayed(n: number): void {
    this.add('replayed', n);
  }
  override dropped(n: number, reason: string): void {
    this.add(`dropped:${reason}`, n);
  }
}

let seq = 0;
function record(): PredictionRecord {
  const n = ++seq;
  return logRecord({
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    createdAt: new Date(),
    inputs: { age: n },
    outputs: { prediction: 'repaid' },
  });
}

describe(PredictionLogWriter.name, () => {
  beforeAll(() => Logger.overrideLogger(false)); // outages are the point here: keep their errors quiet
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  let root: string;
  let repository: FakeRepository;
  let events: CountingEvents;
  const writers: PredictionLogWriter[] = [];

  const start = (env: Record<string, string> = {}): PredictionLogWriter => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://localhost/unit',
      PREDICTION_LOG_FLUSH_INTERVAL_MS: '60000', // tests flush by hand
      PREDICTION_LOG_BATCH_SIZE: '4',
      PREDICTION_LOG_BUFFER_MAX: '100',
      PREDICTION_LOG_JOURNAL_FSYNC: 'off',
      SHUTDOWN_TIMEOUT_MS: '200',
      ...env,
    });
    const journal = new DiskJournal({
      ...config.predictionLog.journal,
      dir: join(root, 'journal'),
      warn: () => {},
    });
    const writer = new PredictionLogWriter(config, repository, journal, events);
    writer.onApplicationBootstrap();
    writers.push(writer);
    return writer;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sightline-writer-'));
    repository = new FakeRepository();
    events = new CountingEvents();
  });
  afterEach(async () => {
    repository.down = false;
    for (const w of writers.splice(0)) await w.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes from memory in batches while Postgres is healthy, without touching the journal', async () => {
    const writer = start();
    const records = Array.from({ length: 10 }, record);
    records.forEach((r) => writer.enqueue(r));
    expect(writer.findPending(records[0].id)).toBe(records[0]);
    await writer.drain(1000);
    expect([...repository.rows.keys()]).toEqual(records.map((r) => r.id));
    expect(events.counts).toEqual({ queued: 10, written: 10 });
    expect(writer.degraded).toBe(false);
  });

  it('journals a failed batch and everything after it, then replays in order exactly once', async () => {
    const writer = start();
    repository.down = true;
    const records = Array.from({ length: 6 }, record);
    records.slice(0, 3).forEach((r) => writer.enqueue(r));
    await writer.flush(true);
    expect(writer.degraded).toBe(true);
    expect(writer.journalDepth).toBe(3);
    records.slice(3).forEach((r) => writer.enqueue(r)); // straight to disk now
    expect(writer.depth).toBe(0);
    expect(writer.journalDepth).toBe(6);
    await writer.flush(true); // still down: nothing lost, nothing written
    expect(repository.rows.size).toBe(0);

    repository.down = false;
    const late = record();
    await writer.drain(1000);
    writer.enqueue(late); // the journal is empty again: back to memory
    await writer.drain(1000);
    expect([...repository.rows.keys()]).toEqual([...records, late].map((r) => r.id));
    expect(repository.insertedIds).toEqual([...records, late].map((r) => r.id));
    expect(events.counts).toMatchObject({ journaled: 6, replayed: 6, written: 7 });
    expect(writer.degraded).toBe(false);
  });

  it('moves memory to the journal when the buffer bound is reached, the in-flight batch included', async () => {
    const writer = start({
      PREDICTION_LOG_BUFFER_MAX: '100',
      PREDICTION_LOG_BATCH_SIZE: '50',
      PREDICTION_LOG_WRITE_CONCURRENCY: '1',
    });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve)); // a slow database
    const records = Array.from({ length: 160 }, record);
    records.slice(0, 50).forEach((r) => writer.enqueue(r));
    const inFlight = writer.flush(true);
    records.slice(50).forEach((r) => writer.enqueue(r)); // memory fills at 100 more, then spills
    expect(writer.degraded).toBe(true);
    expect(writer.depth).toBe(0);
    expect(writer.journalDepth).toBe(160); // the in-flight 50 too: it may still fail
    open();
    await inFlight;
    await writer.drain(2000);
    expect([...repository.rows.keys()].sort()).toEqual(records.map((r) => r.id).sort());
    expect(repository.rows.size).toBe(160); // the in-flight batch was written twice, stored once
  });

  it('writes PREDICTION_LOG_WRITE_CONCURRENCY batches at once', async () => {
    const writer = start({ PREDICTION_LOG_BATCH_SIZE: '4', PREDICTION_LOG_WRITE_CONCURRENCY: '2' });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    const records = Array.from({ length: 12 }, record);
    records.forEach((r) => writer.enqueue(r));
    const flushed = writer.flush(true);
    await new Promise(setImmediate);
    expect(repository.active).toBe(2);
    open();
    await flushed;
    expect(repository.maxActive).toBe(2);
    expect([...repository.rows.keys()].sort()).toEqual(records.map((r) => r.id).sort());
    expect(events.counts).toEqual({ queued: 12, written: 12 });
  });

  it('journals every batch in flight when concurrent writes fail, and replays each record once', async () => {
    const writer = start({ PREDICTION_LOG_BATCH_SIZE: '4', PREDICTION_LOG_WRITE_CONCURRENCY: '2' });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    const records = Array.from({ length: 8 }, record);
    records.forEach((r) => writer.enqueue(r));
    const flushed = writer.flush(true);
    await new Promise(setImmediate);
    expect(repository.active).toBe(2);
    repository.down = true;
    open();
    await flushed;
    expect(writer.degraded).toBe(true);
    expect(writer.depth).toBe(0);
    expect(writer.journalDepth).toBe(8);
    repository.down = false;
    repository.gate = undefined;
    await writer.drain(1000);
    expect([...repository.rows.keys()].sort()).toEqual(records.map((r) => r.id).sort());
    expect(repository.insertedIds).toHaveLength(8); // failed writes store nothing: the replay wrote each once
  });

  it('moves a large memory buffer to the journal a slice per event-loop turn, losing nothing', async () => {
    const writer = start({
      PREDICTION_LOG_BUFFER_MAX: '10000',
      PREDICTION_LOG_BATCH_SIZE: '1000',
      PREDICTION_LOG_WRITE_CONCURRENCY: '1',
    });
    repository.down = true;
    const records = Array.from({ length: 4500 }, record);
    writer.enqueueAll(records);
    await writer.flush(true); // fails: the batch goes back to memory, the first 2,000 to disk now
    expect(writer.journalDepth).toBe(2000);
    expect(writer.depth).toBe(2500);
    await new Promise(setImmediate);
    await new Promise(setImmediate);
    expect(writer.journalDepth).toBe(4500);
    expect(writer.depth).toBe(0);
    repository.down = false;
    await writer.drain(5000);
    expect(repository.rows.size).toBe(4500);
    expect(repository.insertedIds).toHaveLength(4500);
    expect(writer.degraded).toBe(false);
  });

  it('drops only when memory and journal are both full, and counts it', async () => {
    const writer = start({
      PREDICTION_LOG_BUFFER_MAX: '100',
      PREDICTION_LOG_JOURNAL_MAX_BYTES: String(64 * 1024),
    });
    repository.down = true;
    for (let i = 0; i < 400; i++) writer.enqueue(record());
    await writer.flush(true);
    const accepted = writer.depth + writer.journalDepth;
    expect(writer.journalBytes).toBeLessThanOrEqual(64 * 1024);
    expect(writer.depth).toBe(100);
    expect(events.counts['dropped:journal_full']).toBe(400 - accepted);
    expect(accepted).toBeGreaterThan(100);
    expect(writer.keepingUp).toBe(false);
  });

  it('journals what is left at shutdown when Postgres is down, and the next process replays it', async () => {
    const first = start();
    const records = Array.from({ length: 5 }, record);
    records.forEach((r) => first.enqueue(r));
    repository.down = true;
    await first.shutdown();
    writers.splice(writers.indexOf(first), 1);
    expect(repository.rows.size).toBe(0);

    repository.down = false;
    const second = start();
    expect(second.degraded).toBe(true);
    expect(second.journalDepth).toBe(5);
    await second.drain(1000);
    expect([...repository.rows.keys()]).toEqual(records.map((r) => r.id));
  });

  it('writes memory to Postgres at shutdown when it is up', async () => {
    const writer = start();
    const records = Array.from({ length: 9 }, record);
    records.forEach((r) => writer.enqueue(r));
    await writer.shutdown();
    writers.splice(writers.indexOf(writer), 1);
    expect(repository.rows.size).toBe(9);
    expect(events.counts.journaled).toBeUndefined();
  });
});
