import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { acquireLock } from './dir-lock';
import { JournalEntry, PredictionLogJournal } from './journal';
import { checkLine, decodeLegacyLine } from './line-codec';
import { Segment } from './segment';
import { FsyncMode, SegmentFiles } from './segment-files';
import { readLines } from './segment-io';

export interface DiskJournalOptions {
  dir: string;
  maxBytes: number;
  segmentBytes: number;
  /** always: fsync every written group; interval: every fsyncIntervalMs; off: the kernel decides. */
  fsync: FsyncMode;
  fsyncIntervalMs: number;
  warn?: (message: string) => void;
  /** Lines that failed their checksum on replay (a garbled write after a power loss): lost, so counted. */
  onDamaged?: (count: number) => void;
  /** Files whose last line was cut short (a write interrupted by a crash or a power loss). */
  onTorn?: (count: number) => void;
}

/** A cursor offset meaning "where the segment's records start". */
const START = -1;

// A fully committed segment this large is deleted even before it is full, so a restart has
// little already-written work to replay.
const RECYCLE_BYTES = 1024 * 1024;

/**
 * The journal as numbered segment files in one directory (see PredictionLogJournal). Groups go
 * to the newest segment; commits mark records line by line, and a segment whose records are all
 * committed is deleted, so a healthy service keeps about one small file.
 */
export class DiskJournal extends PredictionLogJournal {
  private readonly files: SegmentFiles;
  private segments: Segment[] = []; // oldest first
  private queued: JournalEntry[] = [];
  private queuedBytes = 0;
  /** The next line to replay: a segment's sequence number (or the next segment's), offset, line. */
  private cursor = { seq: 0, offset: 0, index: 0 };
  private uncommitted = 0;
  private totalBytes = 0;
  private fsyncTimer?: NodeJS.Timeout;
  private unlock?: () => void;

  constructor(private readonly options: DiskJournalOptions) {
    super();
    this.files = new SegmentFiles(options.dir, options.fsync);
  }

  get depth(): number {
    return this.uncommitted + this.queued.length;
  }
  get bytes(): number {
    return this.totalBytes;
  }
  get maxBytes(): number {
    return this.options.maxBytes;
  }
  get location(): string {
    return this.options.dir;
  }

  open(): void {
    mkdirSync(this.options.dir, { recursive: true });
    this.unlock = acquireLock(join(this.options.dir, 'LOCK'));
    const { segments, torn } = this.files.openExisting();
    if (torn > 0) {
      this.options.warn?.(`journal: discarded an incomplete last record in ${torn} segment(s)`);
      this.options.onTorn?.(torn);
    }
    this.segments = segments;
    for (const s of segments) {
      this.uncommitted += s.lines;
      this.totalBytes += s.size;
    }
    this.rewind();
    if (this.options.fsync === 'interval') {
      this.fsyncTimer = setInterval(() => this.syncQuietly(), this.options.fsyncIntervalMs);
      this.fsyncTimer.unref();
    }
  }

  append(entries: readonly JournalEntry[]): void {
    for (const entry of entries) {
      this.queuedBytes += entry.line.length;
      this.queued.push(entry);
    }
  }

  flush(): JournalEntry[] {
    if (this.queued.length === 0) return [];
    const group = this.queued;
    this.queued = [];
    this.queuedBytes = 0;
    if (!this.unlock) return group;
    // what fits under the bound goes, in order; the rest stays in the caller's memory
    let fits = 0;
    let bytes = 0;
    while (
      fits < group.length &&
      this.totalBytes + bytes + group[fits].line!.length <= this.options.maxBytes
    ) {
      bytes += group[fits++].line.length;
    }
    if (fits === 0) return group;
    try {
      const previous = this.segments.at(-1);
      const { segment, created } = this.files.activeSegment(
        (s) => s.size > 0 && s.size + bytes > this.options.segmentBytes,
      );
      if (created) {
        this.segments.push(segment);
        this.totalBytes += segment.size; // its header
        // sealed just now: it may have been all committed while it was the active one
        if (previous) this.recycle(previous);
      }
      const lines = group.slice(0, fits);
      this.files.write(
        segment,
        lines.length === 1
          ? lines[0].line!
          : Buffer.concat(
              lines.map((e) => e.line!),
              bytes,
            ),
      );
      for (const entry of lines) {
        entry.segment = segment;
        entry.index = segment.lines++;
      }
      segment.size += bytes;
      this.totalBytes += bytes;
      this.uncommitted += fits;
    } catch (err) {
      // a full or failing disk: the caller keeps these in memory (or counts them as dropped)
      this.options.warn?.(`journal write failed in ${this.options.dir}: ${(err as Error).message}`);
      return group;
    }
    return group.slice(fits);
  }

  commit(entries: readonly JournalEntry[]): void {
    const touched = new Set<Segment>();
    for (const entry of entries) {
      const segment = entry.segment;
      if (!segment || segment.deleted || !segment.markCommitted(entry.index)) continue;
      this.uncommitted--;
      touched.add(segment);
    }
    for (const segment of touched) this.recycle(segment);
  }

  rewind(): void {
    const oldest = this.segments.find((s) => !s.done);
    const last = this.segments.at(-1);
    if (oldest) this.cursor = { seq: oldest.seq, offset: oldest.dataStart, index: 0 };
    else if (last && !last.sealed) this.cursor = { seq: last.seq, offset: last.size, index: last.lines };
    else this.cursor = { seq: (last?.seq ?? 0) + 1, offset: START, index: 0 };
  }

  read(max: number): JournalEntry[] {
    const out: JournalEntry[] = [];
    while (out.length < max) {
      // deleted segments are gone from the list: the cursor moves on to the next one there is
      const segment = this.segments.find((s) => s.seq >= this.cursor.seq);
      if (!segment) break;
      if (segment.seq !== this.cursor.seq || this.cursor.offset === START) {
        if (out.length > 0) break; // a batch never spans segments: their columns may differ
        this.cursor = { seq: segment.seq, offset: segment.dataStart, index: 0 };
      }
      const cursor = this.cursor;
      if (cursor.offset >= segment.size) {
        if (!segment.sealed) break; // caught up with the writer
        this.cursor = { seq: segment.seq + 1, offset: START, index: 0 };
        continue;
      }
      const { lines, end } = readLines(segment.path, cursor.offset, segment.size, max - out.length);
      let damaged = 0;
      for (const line of lines) {
        const index = cursor.index++;
        if (segment.isCommitted(index)) continue;
        const entry = this.entryOf(line, segment, index);
        if (!entry) {
          damaged++;
          if (segment.markCommitted(index)) this.uncommitted--;
          continue;
        }
        out.push(entry);
      }
      cursor.offset = end;
      if (damaged > 0) {
        this.options.warn?.(`journal: ${damaged} damaged record(s) in ${segment.path} skipped`);
        this.options.onDamaged?.(damaged);
        this.recycle(segment);
      }
    }
    return out;
  }

  close(): void {
    clearInterval(this.fsyncTimer);
    if (!this.unlock) return;
    this.flush();
    this.files.seal();
    if (this.depth === 0) {
      for (const s of this.segments) this.files.remove(s);
      this.segments = [];
      this.totalBytes = 0;
    }
    this.unlock();
    this.unlock = undefined;
    try {
      rmdirSync(this.options.dir); // only succeeds when empty, which is the point
    } catch {
      // records left to replay (or other files) keep the directory
    }
  }

  /** A line read back (without its newline), or undefined when it is damaged. */
  private entryOf(line: Buffer, segment: Segment, index: number): JournalEntry | undefined {
    if (!segment.columns) {
      const record = decodeLegacyLine(line);
      if (!record) return undefined;
      const entry = JournalEntry.of(record);
      entry.segment = segment;
      entry.index = index;
      return entry;
    }
    const id = checkLine(line);
    // the newline after the line is in the same read buffer: COPY needs it
    const withNewline = Buffer.from(line.buffer, line.byteOffset, line.length + 1);
    return id === undefined ? undefined : JournalEntry.read(id, withNewline, segment, index);
  }

  /** Deletes a segment whose records are all committed: a sealed one, or a large enough active one. */
  private recycle(segment: Segment): void {
    if (!segment.done || segment.deleted) return;
    if (!segment.sealed && segment.size < RECYCLE_BYTES) return;
    this.files.remove(segment);
    this.segments = this.segments.filter((s) => s !== segment);
    this.totalBytes -= segment.size;
  }

  private syncQuietly(): void {
    try {
      this.files.sync();
    } catch (err) {
      this.options.warn?.(`journal fsync failed: ${(err as Error).message}`);
    }
  }
}
