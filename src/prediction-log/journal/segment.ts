import { PredictionRecord } from '../record/prediction-record';
import { encodeLine, ROW_OFFSET } from './line-codec';

/**
 * One journal file: records are appended to the newest segment only, and a segment is deleted
 * once every record in it is known to be in Postgres. Which records are committed is kept as a
 * bit per line, so a replay skips what the memory path has already written; a segment left by a
 * previous process has no bits (nothing is known), and its replay relies on ON CONFLICT instead.
 */
export class Segment {
  /** Bytes written (complete lines only), the header line included. */
  size = 0;
  /** Where the records start: after the header line (0 in a file from before headers). */
  dataStart = 0;
  /** The columns of its rows, from its header; undefined for a file of JSON lines (older versions). */
  columns?: readonly string[];
  /** Records (lines) in the file. */
  lines = 0;
  committed = 0;
  /** No more appends: a previous process's file, or one that reached its size. */
  sealed = false;
  deleted = false;
  private bits = new Uint8Array(16);

  constructor(
    readonly seq: number,
    readonly path: string,
  ) {}

  /** Every record in it is in Postgres (or was found damaged). */
  get done(): boolean {
    return this.committed >= this.lines;
  }

  isCommitted(index: number): boolean {
    return index < this.bits.length * 8 && (this.bits[index >> 3] & (1 << (index & 7))) !== 0;
  }

  /** True the first time a line is marked. */
  markCommitted(index: number): boolean {
    if (this.isCommitted(index)) return false;
    while (index >= this.bits.length * 8) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[index >> 3] |= 1 << (index & 7);
    this.committed++;
    return true;
  }
}

/**
 * A record on its way to Postgres, with where it sits in the journal once the group it was
 * appended with has been written (`segment` stays null when the journal could not take it). A
 * record from memory carries the record itself; one read back from the journal only its line.
 */
export class JournalEntry {
  segment: Segment | null = null;
  index = -1;
  /** Held by the writer's memory queue (or a batch taken from it): memory keeps it if the journal cannot. */
  inMemory = false;

  private constructor(
    readonly id: string,
    readonly record: PredictionRecord | null,
    private encoded: Buffer | null,
  ) {}

  static of(record: PredictionRecord): JournalEntry {
    return new JournalEntry(record.id, record, null);
  }

  /** An entry read back from a segment. */
  static read(id: string, line: Buffer, segment: Segment, index: number): JournalEntry {
    const entry = new JournalEntry(id, null, line);
    entry.segment = segment;
    entry.index = index;
    return entry;
  }

  /** The journal line: checksum, COPY row, newline; encoded once, on first use. */
  get line(): Buffer {
    return (this.encoded ??= encodeLine(this.record!));
  }

  /** The row COPY sends, newline included. */
  get row(): Buffer {
    return this.line.subarray(ROW_OFFSET);
  }

  get journaled(): boolean {
    return this.segment !== null;
  }
}
