import { crc32 } from 'node:zlib';
import { copyLine } from '../store/copy-rows';
import { PredictionRecord } from '../record/prediction-record';

/*
 * A journal line is `<crc32 hex> <COPY text row>\n`: the record exactly as the batched COPY sends
 * it, so it is encoded once, on the request path, and the write to Postgres reuses the bytes (from
 * memory, or read back from the journal). COPY's text format escapes newlines, so a line is a
 * record; the checksum catches a torn or garbled line after a power loss, which is skipped rather
 * than replayed as nonsense.
 */

/** Bytes before the row: eight hex digits of checksum and a space. */
export const ROW_OFFSET = 9;

export function encodeLine(record: PredictionRecord): Buffer {
  const row = copyLine(record);
  // the row is converted to UTF-8 once, straight into the line; the checksum reads it there
  const length = Buffer.byteLength(row);
  const line = Buffer.allocUnsafe(ROW_OFFSET + length + 1);
  line.write(row, ROW_OFFSET, length, 'utf8');
  line.write(checksum(line.subarray(ROW_OFFSET, ROW_OFFSET + length)), 0, 8, 'latin1');
  line[8] = 0x20;
  line[ROW_OFFSET + length] = 0x0a;
  return line;
}

/** The prediction id of a line (without its newline), or undefined when the line is damaged. */
export function checkLine(line: Buffer): string | undefined {
  if (line.length < ROW_OFFSET + 36 || line[8] !== 0x20) return undefined;
  if (checksum(line.subarray(ROW_OFFSET)) !== line.subarray(0, 8).toString('latin1')) return undefined;
  return line.subarray(ROW_OFFSET, ROW_OFFSET + 36).toString('latin1');
}

function checksum(bytes: Buffer): string {
  return crc32(bytes).toString(16).padStart(8, '0');
}

/**
 * A line of a segment written before segments had a header: `<crc32 hex> <record as JSON>`.
 * Such a journal, left by the previous version, is still replayed after an upgrade.
 */
export function decodeLegacyLine(line: Buffer): PredictionRecord | undefined {
  if (line.length < 10 || line[8] !== 0x20) return undefined;
  const json = line.subarray(ROW_OFFSET).toString('utf8');
  if (crc32(json).toString(16).padStart(8, '0') !== line.subarray(0, 8).toString('latin1')) return undefined;
  try {
    const parsed = JSON.parse(json) as PredictionRecord & { createdAt: string };
    if (typeof parsed?.id !== 'string' || typeof parsed.createdAt !== 'string') return undefined;
    const createdAt = new Date(parsed.createdAt);
    if (Number.isNaN(createdAt.getTime())) return undefined;
    return { ...parsed, createdAt };
  } catch {
    return undefined;
  }
}
