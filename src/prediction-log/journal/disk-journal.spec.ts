import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { PredictionRecord } from '../record/prediction-record';
import { JournalLockedError } from './dir-lock';
import { COLUMN_NAMES } from '../store/log-columns';
import { JournalEntry } from './journal';
import { DiskJournal, DiskJournalOptions } from './disk-journal';
import { encodeLine } from './line-codec';
import { logRecord } from '../../../test/utils/log-records';

function record(n: number): PredictionRecord {
  return logRecord({
    id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    inputs: { age: 40 + (n % 10), note: 'ünïcödé \u2028 line' },
    latencyMs: 1.5,
    requestId: `req-${n}`,
  });
}

const LINE_BYTES = encodeLine(record(1)).length;
/** Every segment starts with the columns its rows hold. */
const HEADER_BYTES = Buffer.byteLength(`#columns ${COLUMN_NAMES.join(',')}\n`);

const entries = (...ns: number[]) => ns.map((n) => JournalEntry.of(record(n)));
/** Which records these are: the number in each id. */
const ids = (list: JournalEntry[]) => list.map((e) => `req-${Number(e.id.slice(-12))}`);
const segmentFiles = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('segment-'));

describe(DiskJournal.name, () => {
  let dir: string;
  const journals: DiskJournal[] = [];

  const open = (options: Partial<DiskJournalOptions> = {}): DiskJournal => {
    const journal = new DiskJournal({
      dir,
      maxBytes: 1024 * 1024,
      segmentBytes: HEADER_BYTES + LINE_BYTES * 3,
      fsync: 'off',
      fsyncIntervalMs: 1000,
      ...options,
    });
    journal.open();
    journals.push(journal);
    return journal;
  };

  /** Appends and writes one group; the entries the journal refused come back. */
  const write = (journal: DiskJournal, list: JournalEntry[]): JournalEntry[] => {
    journal.append(list);
    return journal.flush();
  };

  /** Everything uncommitted from the cursor on, committed batch by batch. */
  const replayAll = (journal: DiskJournal, max = 2): JournalEntry[] => {
    const out: JournalEntry[] = [];
    for (let batch = journal.read(max); batch.length > 0; batch = journal.read(max)) {
      out.push(...batch);
      journal.commit(batch);
    }
    return out;
  };

  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'sightline-journal-')), 'db');
  });
  afterEach(() => {
    for (const j of journals.splice(0)) j.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('writes a group with one write, gives each record its place, and deletes what is committed', () => {
    const journal = open();
    const group = entries(0, 1, 2, 3);
    journal.append(group);
    expect(journal.depth).toBe(4); // queued counts: it is written before any response
    expect(segmentFiles(dir)).toEqual([]);
    expect(journal.flush()).toEqual([]);
    expect(group.map((e) => [e.segment?.seq, e.index])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(write(journal, entries(4, 5))).toEqual([]); // the first segment is full: a new one
    expect(segmentFiles(dir)).toHaveLength(2);

    journal.commit(group);
    expect(journal.depth).toBe(2);
    expect(segmentFiles(dir)).toHaveLength(1); // sealed and all committed: gone
    journal.rewind();
    expect(ids(replayAll(journal))).toEqual(['req-4', 'req-5']);
    expect(journal.depth).toBe(0);
    journal.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('deletes a segment whose records were all committed while it was the active one, once sealed', () => {
    const journal = open();
    const group = entries(0, 1, 2);
    write(journal, group);
    journal.commit(group);
    expect(segmentFiles(dir)).toHaveLength(1); // still the one appends go to
    write(journal, entries(3)); // full: the next group opens a new segment
    expect(segmentFiles(dir)).toEqual(['segment-000000000002.log']);
    expect(journal.depth).toBe(1);
  });

  it('replays in append order, skipping what was committed, and again after a rewind', () => {
    const journal = open();
    const all = entries(1, 2, 3, 4, 5, 6, 7);
    write(journal, all.slice(0, 4));
    write(journal, all.slice(4));
    journal.commit([all[1], all[4]]); // written from memory by concurrent batches
    journal.rewind();
    const first = journal.read(3);
    expect(ids(first)).toEqual(['req-1', 'req-3', 'req-4']);
    expect(first[0].row.equals(all[0].row)).toBe(true); // the row COPY sends, byte for byte
    journal.rewind(); // that batch failed: it is read again
    expect(ids(journal.read(3))).toEqual(['req-1', 'req-3', 'req-4']);
    expect(ids(replayAll(journal, 10))).toEqual(['req-6', 'req-7']);
    expect(journal.depth).toBe(3); // req-1, 3 and 4 were read but never committed
    journal.rewind();
    expect(ids(replayAll(journal, 10))).toEqual(['req-1', 'req-3', 'req-4']);
    expect(journal.depth).toBe(0);
  });

  it('reads records appended after the cursor caught up', () => {
    const journal = open({ segmentBytes: 1024 * 1024 });
    write(journal, entries(1));
    journal.rewind();
    expect(ids(replayAll(journal))).toEqual(['req-1']);
    write(journal, entries(2, 3));
    expect(ids(replayAll(journal))).toEqual(['req-2', 'req-3']);
  });

  it('takes only the prefix that fits under maxBytes, and more once commits free space', () => {
    const journal = open({
      maxBytes: 2 * HEADER_BYTES + LINE_BYTES * 5 + 4,
      segmentBytes: HEADER_BYTES + LINE_BYTES * 2 + 4,
    });
    const first = entries(0, 1);
    expect(write(journal, first)).toEqual([]);
    expect(write(journal, entries(2, 3))).toEqual([]); // a group stays in one segment: the next one
    const third = entries(4, 5, 6, 7);
    expect(ids(write(journal, third))).toEqual(['req-5', 'req-6', 'req-7']);
    expect(third.map((e) => e.journaled)).toEqual([true, false, false, false]);
    expect(write(journal, entries(9))).toHaveLength(1);
    journal.commit(first); // one whole sealed segment: deleted, its bytes free
    expect(write(journal, entries(9, 10))).toEqual([]);
    journal.rewind();
    expect(ids(replayAll(journal, 10))).toEqual(['req-2', 'req-3', 'req-4', 'req-9', 'req-10']);
  });

  it('keeps uncommitted records across a restart, and the next process replays them first', () => {
    const first = open();
    const group = entries(1, 2, 3, 4);
    write(first, group);
    first.commit(group.slice(0, 1)); // its segment still holds uncommitted records: it stays
    first.close();
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);

    const second = open();
    expect(second.depth).toBe(4); // which were committed died with the first process: replayed, harmless
    write(second, entries(5));
    second.rewind();
    expect(ids(replayAll(second))).toEqual(['req-1', 'req-2', 'req-3', 'req-4', 'req-5']);
  });

  it('cuts off a torn last record at start-up and skips a damaged one, counting both', () => {
    const damaged = jest.fn();
    const torn = jest.fn();
    mkdirSync(dir, { recursive: true });
    const good = encodeLine(record(1));
    const corrupt = Buffer.from(encodeLine(record(2)).toString().replace('req-2', 'req-X'));
    const header = Buffer.from(`#columns ${COLUMN_NAMES.join(',')}\n`);
    writeFileSync(join(dir, 'segment-000000000007.log'), Buffer.concat([header, good, corrupt]));
    appendFileSync(join(dir, 'segment-000000000007.log'), encodeLine(record(3)).subarray(0, 40));
    writeFileSync(join(dir, 'segment-000000000008.log'), Buffer.concat([header, encodeLine(record(4))]));

    const journal = open({ onDamaged: damaged, onTorn: torn, warn: () => {} });
    expect(torn).toHaveBeenCalledWith(1);
    expect(journal.depth).toBe(3);
    write(journal, entries(5)); // segment 9: after what the crashed process left
    expect(ids(replayAll(journal, 10))).toEqual(['req-1', 'req-4', 'req-5']);
    expect(damaged).toHaveBeenCalledWith(1);
    expect(journal.depth).toBe(0);
    expect(segmentFiles(dir)).toHaveLength(1); // the active one, all committed
  });

  it('replays a segment of an older version: fewer columns from its header, or JSON lines', () => {
    mkdirSync(dir, { recursive: true });
    const older = COLUMN_NAMES.slice(0, -3);
    const row = encodeLine(record(1)).toString().split('\t').slice(0, older.length).join('\t');
    const line = `${crc32(row.slice(9)).toString(16).padStart(8, '0')}${row.slice(8)}\n`;
    writeFileSync(join(dir, 'segment-000000000001.log'), `#columns ${older.join(',')}\n${line}`);
    const json = JSON.stringify(record(2));
    writeFileSync(
      join(dir, 'segment-000000000002.log'),
      `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`,
    );

    const journal = open();
    const [fewer] = journal.read(10);
    expect(fewer.segment!.columns).toEqual(older);
    expect(fewer.row.toString()).toBe(`${row.slice(9)}\n`);
    journal.commit([fewer]);
    const [legacy] = journal.read(10);
    expect(legacy.record).toEqual(record(2)); // dates revived, unicode intact: encoded anew as a row
    expect(legacy.row.equals(JournalEntry.of(record(2)).row)).toBe(true);
  });

  it('lets one process use a directory, taking over from a dead one on this host', () => {
    open();
    expect(() => open()).toThrow(JournalLockedError);
    journals.pop()!.close();

    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LOCK'), '999999999'); // an older lock format, no such process
    write(open(), entries(1));
    expect(journals.at(-1)!.depth).toBe(1);
  });

  it('refuses a directory another host holds, unless its heartbeat has stopped', () => {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, 'LOCK');
    writeFileSync(lock, JSON.stringify({ host: 'sightline-other-pod', pid: 1, token: 't' }));
    expect(() => open()).toThrow(/held by process 1 on sightline-other-pod.*own PREDICTION_LOG_JOURNAL_DIR/);
    const stale = new Date(Date.now() - 60_000);
    utimesSync(lock, stale, stale);
    expect(() => open()).not.toThrow();
  });

  it('fsyncs every group in always mode without changing what is read back', () => {
    const journal = open({ fsync: 'always' });
    write(journal, entries(1, 2));
    journal.rewind();
    expect(replayAll(journal).map((e) => e.id)).toEqual([record(1).id, record(2).id]);
  });
});
