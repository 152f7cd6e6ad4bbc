import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Complete lines in a segment file and the offset just past the last one: bytes after it are a
 * torn last line (a write cut short), not a record.
 */
export function scanLines(path: string, size: number): { lines: number; end: number } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, size)));
    let lines = 0;
    let end = 0;
    for (let position = 0; position < size;) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (n === 0) break;
      for (let i = buffer.indexOf(NEWLINE, 0); i !== -1 && i < n; i = buffer.indexOf(NEWLINE, i + 1)) {
        lines++;
        end = position + i + 1;
      }
      position += n;
    }
    return { lines, end };
  } finally {
    closeSync(fd);
  }
}

/**
 * Up to `max` complete lines from `from` (without their newlines) and the offset just past the
 * last one. Reads a megabyte at a time and more only when one line is longer than that.
 */
export function readLines(
  path: string,
  from: number,
  size: number,
  max: number,
): { lines: Buffer[]; end: number } {
  const fd = openSync(path, 'r');
  try {
    let length = Math.min(size - from, CHUNK);
    let buffer: Buffer;
    for (;;) {
      buffer = Buffer.allocUnsafe(length);
      const n = readSync(fd, buffer, 0, length, from);
      buffer = buffer.subarray(0, n);
      if (buffer.includes(NEWLINE) || from + n >= size || n < length) break;
      length = Math.min(size - from, length * 2);
    }
    const lines: Buffer[] = [];
    let start = 0;
    while (lines.length < max) {
      const newline = buffer.indexOf(NEWLINE, start);
      if (newline === -1) break;
      lines.push(buffer.subarray(start, newline));
      start = newline + 1;
    }
    return { lines, end: from + start };
  } finally {
    closeSync(fd);
  }
}

/** The first line of a file (without its newline), if it has one within the first 64 KiB. */
export function readHeader(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const newline = buffer.subarray(0, n).indexOf(NEWLINE);
    return newline === -1 ? undefined : buffer.subarray(0, newline).toString('utf8');
  } finally {
    closeSync(fd);
  }
}
