import { ConsoleLogger, Logger } from '@nestjs/common';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logRecord } from '../../../test/utils/log-records';
import { loadConfig } from '../../config/app-config';
import { DiskJournal } from '../journal/disk-journal';
import { PredictionLogEvents } from '../prediction-log.events';
import { PredictionRecord } from '../record/prediction-record';
import { LogBatch } from '../store/log-batch';
import { PredictionLogRepository } from '../store/prediction-log.repository';
import { PredictionLogWriter } from './prediction-log.writer';

/** A database that can be switched off, stores by id like ON CONFLICT DO NOTHING, and counts inserts. */
class FakeRepository extends PredictionLogRepository {
  readonly rows = new Map<string, string>();
  readonly insertedIds: string[] = [];
  down = false;
  gate?: Promise<void>;
  active = 0;
  maxActive = 0;

  async insertMany(batch: LogBatch): Promise<number> {
    this.maxActive = Math.max(this.maxActive, ++this.active);
    await this.gate;
    this.active--;
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    let n = 0;
    for (const row of batch.rows) {
      expect(row.at(-1)).toBe(0x0a); // COPY rows end in a newline, whether from memory or the journal
      const id = row.subarray(0, 36).toString();
      this.insertedIds.push(id);
      if (!this.rows.has(id)) n++;
      this.rows.set(id, row.toString());
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

const sorted = (records: PredictionRecord[]) => records.map((r) => r.id).sort();

describe(PredictionLogWriter.name, () => {
  beforeAll(() => Logger.overrideLogger(false)); // outages are the point here: keep their errors quiet
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  let root: string;
  let repository: FakeRepository;
  let events: CountingEvents;
  const writers: PredictionLogWriter[] = [];

  const start = (env: Record<string, string> = {}, dir = 'journal'): PredictionLogWriter => {
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
      dir: join(root, dir),
      warn: () => {},
    });
    const writer = new PredictionLogWriter(config, repository, journal, events);
    writer.onApplicationBootstrap();
    writers.push(writer);
    return writer;
  };

  /** What a SIGKILL leaves: the journal's files as the kernel has them, and no shutdown. */
  const crashAndRestart = (env: Record<string, string> = {}): PredictionLogWriter => {
    cpSync(join(root, 'journal'), join(root, 'after-crash'), { recursive: true });
    return start(env, 'after-crash');
  };

  const segments = (dir = 'journal') =>
    existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.startsWith('segment-')) : [];
  const journaledIds = (dir = 'journal') =>
    segments(dir).flatMap((f) =>
      readFileSync(join(root, dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .filter((line) => !line.startsWith('#'))
        .map((line) => line.slice(9, 45)),
    );

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

  it('journals every record before the code that recorded it returns to its caller', async () => {
    const writer = start();
    const records = Array.from({ length: 3 }, record);
    // what a request handler does: record, then return the response to the framework
    const handler = async () => {
      await Promise.resolve();
      writer.enqueueAll(records.slice(0, 2));
      writer.enqueueAll(records.slice(2));
      return 'response';
    };
    const response = handler().then((r) => [r, journaledIds()] as const);
    expect(await response).toEqual(['response', records.map((r) => r.id)]);
    expect(segments()).toHaveLength(1); // one group: one write to one file
    expect(writer.findPending(records[0].id)).toBe(records[0]);
  });

  it('writes from memory in batches while Postgres is healthy, and the journal lets go of them', async () => {
    const writer = start();
    const records = Array.from({ length: 10 }, record);
    writer.enqueueAll(records);
    await writer.drain(1000);
    expect([...repository.rows.keys()]).toEqual(records.map((r) => r.id));
    expect(repository.insertedIds).toHaveLength(10);
    expect(events.counts).toEqual({ queued: 10, written: 10 });
    expect(writer.journalDepth).toBe(0);
    expect(writer.degraded).toBe(false);
  });

  it('loses nothing acknowledged to a crash: the next process writes what was not committed', async () => {
    const writer = start({ PREDICTION_LOG_WRITE_CONCURRENCY: '1' });
    const written = Array.from({ length: 8 }, record);
    writer.enqueueAll(written);
    await writer.drain(1000);
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve)); // a batch in flight at the crash
    const inFlight = Array.from({ length: 6 }, record);
    writer.enqueueAll(inFlight);
    const flushing = writer.flush(true);
    await new Promise(setImmediate);
    expect(repository.active).toBe(1);

    repository.gate = undefined; // the next process finds Postgres healthy
    const next = crashAndRestart();
    expect(next.replayingLeftovers).toBe(true);
    await next.drain(1000);
    open();
    await flushing;
    expect(next.replayingLeftovers).toBe(false);
    expect([...repository.rows.keys()].sort()).toEqual(sorted([...written, ...inFlight]));
    expect(segments('after-crash')).toEqual([]); // all committed: the files are gone
  });

  it('writes from the journal while Postgres is down, and from memory again once it has caught up', async () => {
    const writer = start();
    repository.down = true;
    const records = Array.from({ length: 6 }, record);
    writer.enqueueAll(records.slice(0, 3));
    await writer.flush(true);
    expect(writer.degraded).toBe(true);
    writer.enqueueAll(records.slice(3)); // the journal only: memory stays free
    expect(writer.depth).toBe(0);
    expect(writer.journalDepth).toBe(6);
    await writer.flush(true); // still down: nothing lost, nothing written
    expect(repository.rows.size).toBe(0);

    repository.down = false;
    await writer.drain(1000);
    expect(writer.degraded).toBe(false);
    const late = record();
    writer.enqueueAll([late]); // back to memory
    expect(writer.depth).toBe(1);
    await writer.drain(1000);
    expect(repository.insertedIds).toEqual([...records, late].map((r) => r.id)); // in order, once each
    expect(events.counts).toMatchObject({ journaled: 6, replayed: 6, written: 7 });
  });

  it('turns to the journal when memory is full, with the batch in flight written once', async () => {
    const writer = start({
      PREDICTION_LOG_BUFFER_MAX: '100',
      PREDICTION_LOG_BATCH_SIZE: '50',
      PREDICTION_LOG_WRITE_CONCURRENCY: '1',
    });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve)); // a slow database
    const records = Array.from({ length: 160 }, record);
    writer.enqueueAll(records.slice(0, 50));
    const inFlight = writer.flush(true);
    records.slice(50).forEach((r) => writer.enqueueAll([r])); // memory fills at 100 more
    expect(writer.degraded).toBe(true);
    expect(writer.depth).toBe(0);
    expect(writer.journalDepth).toBe(160);
    open();
    await inFlight;
    await writer.drain(2000);
    expect([...repository.rows.keys()].sort()).toEqual(sorted(records));
    // the in-flight batch was committed before the replay reached it: nothing is sent twice
    expect(repository.insertedIds).toHaveLength(160);
  });

  it('writes PREDICTION_LOG_WRITE_CONCURRENCY batches at once', async () => {
    const writer = start({ PREDICTION_LOG_BATCH_SIZE: '4', PREDICTION_LOG_WRITE_CONCURRENCY: '2' });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    const records = Array.from({ length: 12 }, record);
    writer.enqueueAll(records);
    const flushed = writer.flush(true);
    await new Promise(setImmediate);
    expect(repository.active).toBe(2);
    open();
    await flushed;
    expect(repository.maxActive).toBe(2);
    expect([...repository.rows.keys()].sort()).toEqual(sorted(records));
    expect(events.counts).toEqual({ queued: 12, written: 12 });
  });

  it('replays each record of failed concurrent batches once', async () => {
    const writer = start({ PREDICTION_LOG_BATCH_SIZE: '4', PREDICTION_LOG_WRITE_CONCURRENCY: '2' });
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    const records = Array.from({ length: 8 }, record);
    writer.enqueueAll(records);
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
    expect([...repository.rows.keys()].sort()).toEqual(sorted(records));
    expect(repository.insertedIds).toHaveLength(8); // failed writes store nothing: the replay wrote each once
  });

  it('keeps in memory what the full journal refuses, and drops only when memory is full too', async () => {
    const writer = start({
      PREDICTION_LOG_BUFFER_MAX: '100',
      PREDICTION_LOG_JOURNAL_MAX_BYTES: String(64 * 1024),
    });
    repository.down = true;
    writer.enqueueAll([record()]);
    await writer.flush(true); // Postgres is down: the journal from now on
    for (let i = 0; i < 1999; i++) writer.enqueueAll([record()]);
    await Promise.resolve(); // the group write
    const accepted = writer.depth + writer.journalDepth;
    expect(writer.journalBytes).toBeLessThanOrEqual(64 * 1024);
    expect(writer.depth).toBe(100);
    expect(events.counts['dropped:journal_full']).toBe(2000 - accepted);
    expect(writer.journalDepth).toBeGreaterThan(100);
    expect(writer.keepingUp).toBe(false);

    repository.down = false;
    await writer.drain(5000);
    expect(repository.rows.size).toBe(accepted);
  });

  it('leaves what Postgres did not take in the journal at shutdown, for the next process', async () => {
    const first = start();
    const records = Array.from({ length: 5 }, record);
    writers.splice(writers.indexOf(first), 1);
    first.enqueueAll(records);
    repository.down = true;
    await first.shutdown();
    expect(repository.rows.size).toBe(0);

    repository.down = false;
    const second = start();
    expect(second.degraded).toBe(true);
    expect(second.journalDepth).toBe(5);
    await second.drain(1000);
    expect([...repository.rows.keys()]).toEqual(records.map((r) => r.id));
  });

  it('writes memory to Postgres at shutdown when it is up, and leaves no file', async () => {
    const writer = start();
    writers.splice(writers.indexOf(writer), 1);
    writer.enqueueAll(Array.from({ length: 9 }, record));
    await writer.shutdown();
    expect(repository.rows.size).toBe(9);
    expect(events.counts.journaled).toBeUndefined();
    expect(existsSync(join(root, 'journal'))).toBe(false);
  });

  it('with write-ahead off journals only once Postgres fails, and at shutdown', async () => {
    const writer = start({ PREDICTION_LOG_WRITE_AHEAD: 'false' });
    writers.splice(writers.indexOf(writer), 1);
    const healthy = Array.from({ length: 4 }, record);
    writer.enqueueAll(healthy);
    await Promise.resolve();
    expect(segments()).toEqual([]);
    await writer.drain(1000);
    repository.down = true;
    const outage = Array.from({ length: 6 }, record);
    writer.enqueueAll(outage.slice(0, 3));
    await writer.flush(true); // fails: memory keeps these three, the journal takes the rest
    writer.enqueueAll(outage.slice(3));
    await Promise.resolve();
    expect(writer.depth).toBe(3);
    expect(journaledIds()).toEqual(outage.slice(3).map((r) => r.id));
    await writer.shutdown();
    expect(journaledIds().sort()).toEqual(sorted(outage)); // memory went to the journal at shutdown

    repository.down = false;
    await start().drain(1000);
    expect([...repository.rows.keys()].sort()).toEqual(sorted([...healthy, ...outage]));
  });

  it('lets a caller wait until its records are in Postgres', async () => {
    const writer = start();
    const records = Array.from({ length: 3 }, record);
    writer.enqueueAll(records);
    await writer.waitForWritten([records[2].id], 1000);
    expect(repository.rows.has(records[2].id)).toBe(true);
    expect(writer.findPending(records[2].id)).toBeUndefined();
  });
});
