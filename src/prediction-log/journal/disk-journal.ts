import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { PredictionRecord } from '../record/prediction-record';
import { acquireLock } from './dir-lock';
import { JournalBatch, PredictionLogJournal } from './journal';
import { decodeRecord, encodeRecord } from './record-codec';
import { countLines, readLines } from './segment-io';

export interface DiskJournalOptions {
  dir: string;
  maxBytes: number;
  segmentBytes: number;
  /** always: fsync every append; interval: every fsyncIntervalMs; off: the kernel decides. */
  fsync: 'always' | 'interval' | 'off';
  fsyncIntervalMs: number;
  warn?: (message: string) => void;
  /** Lines that failed their checksum (a torn write after a power loss): lost, so counted. */
  onDamaged?: (count: number) => void;
}

interface Segment {
  path: string;
  size: number;
}

const SEGMENT = /^segment-(\d{12})\.log$/;

/**
 * The journal as numbered segment files in one directory. Appends go to the newest segment,
 * replay reads from the oldest; a segment is deleted once replayed, and everything is deleted
 * when the journal runs empty, so a healthy service keeps no files.
 */
export class DiskJournal extends PredictionLogJournal {
  private segments: Segment[] = []; // oldest first; the active one, if any, is last
  private active?: { fd: number; segment: Segment };
  private cursor = 0; // byte offset of the next unread line in segments[0]
  private totalBytes = 0;
  private count = 0;
  private nextSeq = 1;
  private dirty = false;
  private fsyncTimer?: NodeJS.Timeout;
  private unlock?: () => void;

  constructor(private readonly options: DiskJournalOptions) {
    super();
  }

  get depth(): number {
    return this.count;
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
    const { dir } = this.options;
    mkdirSync(dir, { recursive: true });
    this.unlock = acquireLock(join(dir, 'LOCK'));
    // what a previous process left is sealed: this process appends to fresh segments after it
    for (const name of readdirSync(dir).sort()) {
      const match = SEGMENT.exec(name);
      if (!match) continue;
      const path = join(dir, name);
      const size = statSync(path).size;
      this.nextSeq = Number(match[1]) + 1;
      if (size === 0) {
        unlinkSync(path);
        continue;
      }
      this.segments.push({ path, size });
      this.totalBytes += size;
      this.count += countLines(path, size);
    }
    if (this.options.fsync === 'interval') {
      this.fsyncTimer = setInterval(() => this.sync(), this.options.fsyncIntervalMs);
      this.fsyncTimer.unref();
    }
  }

  append(records: PredictionRecord[]): number {
    if (!this.unlock) return 0;
    let written = 0;
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    try {
      for (const record of records) {
        const line = encodeRecord(record);
        if (this.totalBytes + chunkBytes + line.length > this.options.maxBytes) break;
        const segment = this.activeSegment();
        if (
          segment.size + chunkBytes + line.length > this.options.segmentBytes &&
          segment.size + chunkBytes > 0
        ) {
          written += this.write(chunk, chunkBytes);
          chunk = [];
          chunkBytes = 0;
          this.closeActive(); // the segment is full: this line opens the next one
          this.activeSegment();
        }
        chunk.push(line);
        chunkBytes += line.length;
      }
      written += this.write(chunk, chunkBytes);
    } catch (err) {
      // a full or failing disk: the caller keeps what was not written (memory, or counted as dropped)
      this.options.warn?.(`journal append failed in ${this.options.dir}: ${(err as Error).message}`);
    }
    return written;
  }

  read(max: number): JournalBatch | undefined {
    while (this.segments.length > 0) {
      const segment = this.segments[0];
      if (this.cursor >= segment.size) {
        if (this.active?.segment === segment) return undefined; // caught up with the writer
        this.dropOldest();
        continue;
      }
      const { lines, end } = readLines(segment.path, this.cursor, segment.size, max);
      if (lines.length === 0) {
        // only a torn tail is left (a crash mid-write before any checksum could be checked)
        this.options.warn?.(`journal: ignoring an incomplete last line in ${segment.path}`);
        this.dropOldest();
        continue;
      }
      const records: PredictionRecord[] = [];
      for (const line of lines) {
        const record = decodeRecord(line);
        if (record) records.push(record);
      }
      const damaged = lines.length - records.length;
      if (damaged > 0) {
        this.options.warn?.(`journal: ${damaged} damaged line(s) in ${segment.path} skipped`);
        this.options.onDamaged?.(damaged);
      }
      const commit = (): void => {
        if (this.segments[0] !== segment) return; // committed twice, or reset since
        this.cursor = end;
        this.count -= lines.length;
        if (this.count <= 0) this.reset();
      };
      if (records.length > 0) return { records, commit };
      commit();
    }
    return undefined;
  }

  close(): void {
    clearInterval(this.fsyncTimer);
    if (!this.unlock) return;
    this.closeActive();
    if (this.count <= 0) {
      this.reset();
      this.unlock();
      try {
        rmdirSync(this.options.dir); // only succeeds when empty, which is the point
      } catch {
        // other files (or a torn segment we chose to keep) stay
      }
    } else {
      this.unlock();
    }
    this.unlock = undefined;
  }

  private activeSegment(): Segment {
    if (!this.active) {
      const path = join(this.options.dir, `segment-${String(this.nextSeq++).padStart(12, '0')}.log`);
      const segment = { path, size: 0 };
      this.active = { fd: openSync(path, 'a'), segment };
      this.segments.push(segment);
      if (this.options.fsync === 'always') this.syncDir();
    }
    return this.active.segment;
  }

  /** Writes whole lines or nothing: a partial write is cut off so the next line starts clean. */
  private write(chunk: Buffer[], bytes: number): number {
    if (chunk.length === 0 || !this.active) return 0;
    const { fd, segment } = this.active;
    const buffer = chunk.length === 1 ? chunk[0] : Buffer.concat(chunk, bytes);
    try {
      for (let offset = 0; offset < buffer.length;) offset += writeSync(fd, buffer, offset);
    } catch (err) {
      ftruncateSync(fd, segment.size);
      throw err;
    }
    segment.size += bytes;
    this.totalBytes += bytes;
    this.count += chunk.length;
    if (this.options.fsync === 'always') fsyncSync(fd);
    else this.dirty = true;
    return chunk.length;
  }

  private closeActive(): void {
    if (!this.active) return;
    if (this.options.fsync !== 'off') fsyncSync(this.active.fd);
    closeSync(this.active.fd);
    this.active = undefined;
    this.dirty = false;
  }

  private sync(): void {
    if (!this.dirty || !this.active) return;
    this.dirty = false;
    try {
      fsyncSync(this.active.fd);
    } catch (err) {
      this.options.warn?.(`journal fsync failed: ${(err as Error).message}`);
    }
  }

  private dropOldest(): void {
    const segment = this.segments.shift()!;
    if (this.active?.segment === segment) this.closeActive();
    this.totalBytes -= segment.size;
    this.cursor = 0;
    unlinkSync(segment.path);
  }

  /** Everything replayed: delete every file, so the next outage starts from an empty directory. */
  private reset(): void {
    this.closeActive();
    for (const segment of this.segments) {
      try {
        unlinkSync(segment.path);
      } catch {
        // already gone
      }
    }
    this.segments = [];
    this.cursor = 0;
    this.totalBytes = 0;
    this.count = 0;
  }

  private syncDir(): void {
    const fd = openSync(this.options.dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
