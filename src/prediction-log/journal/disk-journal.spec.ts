import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PredictionRecord } from '../record/prediction-record';
import { JournalLockedError } from './dir-lock';
import { DiskJournal, DiskJournalOptions } from './disk-journal';
import { encodeRecord } from './record-codec';
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

const LINE_BYTES = encodeRecord(record(1)).length;

describe(DiskJournal.name, () => {
  let dir: string;
  const journals: DiskJournal[] = [];

  const open = (options: Partial<DiskJournalOptions> = {}): DiskJournal => {
    const journal = new DiskJournal({
      dir,
      maxBytes: 1024 * 1024,
      segmentBytes: LINE_BYTES * 3,
      fsync: 'off',
      fsyncIntervalMs: 1000,
      ...options,
    });
    journal.open();
    journals.push(journal);
    return journal;
  };

  const readAll = (journal: DiskJournal, max = 2): PredictionRecord[] => {
    const out: PredictionRecord[] = [];
    for (let batch = journal.read(max); batch; batch = journal.read(max)) {
      out.push(...batch.records);
      batch.commit();
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

  it('replays records in append order across segments, then deletes its files and directory', () => {
    const journal = open();
    const records = Array.from({ length: 10 }, (_, i) => record(i));
    expect(journal.append(records.slice(0, 4))).toBe(4);
    expect(journal.append(records.slice(4))).toBe(6);
    expect(journal.depth).toBe(10);
    expect(readdirSync(dir).filter((f) => f.startsWith('segment-'))).toHaveLength(4);

    const replayed = readAll(journal, 3);
    expect(replayed).toEqual(records); // dates revived, unicode intact
    expect(journal.depth).toBe(0);
    expect(journal.bytes).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('segment-'))).toEqual([]);
    journal.close();
    expect(existsSync(dir)).toBe(false);
  });

  it('gives the same records again when a batch is not committed (the database write failed)', () => {
    const journal = open();
    journal.append([record(1), record(2), record(3)]);
    const first = journal.read(2)!;
    expect(first.records.map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
    const again = journal.read(2)!;
    expect(again.records).toEqual(first.records);
    again.commit();
    expect(journal.read(2)!.records.map((r) => r.requestId)).toEqual(['req-3']);
  });

  it('accepts only the prefix that fits under maxBytes, and takes more once replay frees space', () => {
    const journal = open({ maxBytes: LINE_BYTES * 5 + 4, segmentBytes: LINE_BYTES * 2 + 4 });
    expect(journal.append(Array.from({ length: 8 }, (_, i) => record(i)))).toBe(5);
    expect(journal.append([record(9)])).toBe(0);
    const batch = journal.read(2)!;
    batch.commit();
    // a batch never spans segments; the first one (two records) is deleted once the reader is past it
    expect(journal.read(10)!.records.map((r) => r.requestId)).toEqual(['req-2', 'req-3']);
    expect(journal.append([record(9), record(10)])).toBe(2);
    expect(readAll(journal, 10).map((r) => r.requestId)).toEqual([
      'req-2',
      'req-3',
      'req-4',
      'req-9',
      'req-10',
    ]);
  });

  it('keeps unreplayed records across a restart and replays them first', () => {
    const first = open();
    first.append([record(1), record(2), record(3), record(4)]);
    first.read(2)!.commit();
    first.close(); // records remain: files stay, the lock goes
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);

    const second = open();
    expect(second.depth).toBe(4); // the committed-but-not-deleted segment part is replayed again: harmless
    second.append([record(5)]);
    expect(readAll(second).map((r) => r.requestId)).toEqual(['req-1', 'req-2', 'req-3', 'req-4', 'req-5']);
  });

  it('skips a damaged line and an incomplete last line left by a crash, and reports the damage', () => {
    const damaged = jest.fn();
    mkdirSync(dir, { recursive: true });
    const good = encodeRecord(record(1));
    const corrupt = Buffer.from(encodeRecord(record(2)).toString().replace('req-2', 'req-X'));
    const torn = encodeRecord(record(3)).subarray(0, 40);
    writeFileSync(join(dir, 'segment-000000000007.log'), Buffer.concat([good, corrupt]));
    appendFileSync(join(dir, 'segment-000000000007.log'), torn);
    writeFileSync(join(dir, 'segment-000000000008.log'), encodeRecord(record(4)));

    const journal = open({ onDamaged: damaged, warn: () => {} });
    expect(journal.depth).toBe(3);
    journal.append([record(5)]); // goes to segment 9: after what the crashed process left
    expect(readAll(journal, 10).map((r) => r.requestId)).toEqual(['req-1', 'req-4', 'req-5']);
    expect(damaged).toHaveBeenCalledWith(1);
    expect(readdirSync(dir).filter((f) => f.startsWith('segment-'))).toEqual([]);
  });

  it('lets one instance at a time use a directory, and takes over a lock whose process is gone', () => {
    open();
    expect(() => open()).toThrow(JournalLockedError);
    journals.pop()!.close();

    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'LOCK'), '999999999'); // no such process
    const journal = open();
    journal.append([record(1)]);
    expect(journal.depth).toBe(1);
  });

  it('fsyncs on every append in always mode without changing what is read back', () => {
    const journal = open({ fsync: 'always' });
    journal.append([record(1), record(2)]);
    expect(readAll(journal).map((r) => r.id)).toEqual([record(1).id, record(2).id]);
  });
});
