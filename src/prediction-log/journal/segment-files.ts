import {
  closeSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { COLUMN_NAMES } from '../store/log-columns';
import { Segment } from './segment';
import { readHeader, scanLines } from './segment-io';

const NAME = /^segment-(\d{12})\.log$/;
const HEADER = '#columns ';

export type FsyncMode = 'always' | 'interval' | 'off';

/** The segment files of one journal directory: listing, creating, appending, syncing, deleting. */
export class SegmentFiles {
  private nextSeq = 1;
  private active?: { fd: number; segment: Segment };
  private dirty = false;

  constructor(
    readonly dir: string,
    private readonly fsync: FsyncMode,
  ) {}

  /**
   * The segments a previous process left, oldest first, sealed. A torn last line (a write cut
   * short by a crash or a power loss) is cut off; `torn` says how many files had one.
   */
  openExisting(): { segments: Segment[]; torn: number } {
    mkdirSync(this.dir, { recursive: true });
    const segments: Segment[] = [];
    let torn = 0;
    for (const name of readdirSync(this.dir).sort()) {
      const match = NAME.exec(name);
      if (!match) continue;
      const path = join(this.dir, name);
      this.nextSeq = Number(match[1]) + 1;
      const size = statSync(path).size;
      const { lines, end } = scanLines(path, size);
      if (end < size) {
        torn++;
        truncateSync(path, end);
      }
      const segment = new Segment(Number(match[1]), path);
      const header = readHeader(path);
      const columns = header?.startsWith(HEADER) ? header.slice(HEADER.length).split(',') : undefined;
      const dataStart = columns ? Buffer.byteLength(header!) + 1 : 0;
      Object.assign(segment, {
        size: end,
        lines: columns ? lines - 1 : lines,
        sealed: true,
        columns,
        dataStart,
      });
      if (segment.lines === 0) {
        unlinkSync(path);
        continue;
      }
      segments.push(segment);
    }
    return { segments, torn };
  }

  /** The segment appends go to; a new one when there is none or `full` says the current one is. */
  activeSegment(full: (segment: Segment) => boolean): { segment: Segment; created: boolean } {
    if (this.active && !full(this.active.segment)) return { segment: this.active.segment, created: false };
    this.seal();
    const seq = this.nextSeq++;
    const segment = new Segment(seq, join(this.dir, `segment-${String(seq).padStart(12, '0')}.log`));
    this.active = { fd: openSync(segment.path, 'a'), segment };
    // the columns its rows hold, so a later version (with more columns) replays them right
    const header = Buffer.from(`${HEADER}${COLUMN_NAMES.join(',')}\n`);
    this.write(segment, header);
    Object.assign(segment, { columns: COLUMN_NAMES, size: header.length, dataStart: header.length });
    if (this.fsync === 'always') this.syncDir();
    return { segment, created: true };
  }

  /** Writes whole lines or nothing: a partial write is cut off so the next group starts clean. */
  write(segment: Segment, buffer: Buffer): void {
    const fd = this.active!.fd;
    try {
      for (let offset = 0; offset < buffer.length;) offset += writeSync(fd, buffer, offset);
    } catch (err) {
      ftruncateSync(fd, segment.size);
      throw err;
    }
    if (this.fsync === 'always') fsyncSync(fd);
    else this.dirty = true;
  }

  /** The interval fsync: only when something was written since the last one. */
  sync(): void {
    if (!this.dirty || !this.active) return;
    this.dirty = false;
    fsyncSync(this.active.fd);
  }

  /** No more appends to the current segment. */
  seal(): void {
    if (!this.active) return;
    if (this.fsync !== 'off' && this.dirty) fsyncSync(this.active.fd);
    closeSync(this.active.fd);
    this.active.segment.sealed = true;
    this.active = undefined;
    this.dirty = false;
  }

  remove(segment: Segment): void {
    if (this.active?.segment === segment) this.seal();
    segment.deleted = true;
    try {
      unlinkSync(segment.path);
    } catch {
      // already gone
    }
  }

  private syncDir(): void {
    const fd = openSync(this.dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
