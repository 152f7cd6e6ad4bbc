import { crc32 } from 'node:zlib';
import { PredictionRecord } from '../record/prediction-record';

/*
 * One record per line: `<crc32 hex> <json>\n`. JSON.stringify never emits a raw newline, so a
 * line is a record; the checksum catches a torn or garbled line after a power loss, which is
 * skipped rather than replayed as nonsense.
 */

export function encodeRecord(record: PredictionRecord): Buffer {
  const json = JSON.stringify(record);
  const crc = crc32(json).toString(16).padStart(8, '0');
  return Buffer.from(`${crc} ${json}\n`, 'utf8');
}

/** The record on a line (without its newline), or undefined when the line is damaged. */
export function decodeRecord(line: Buffer): PredictionRecord | undefined {
  if (line.length < 10 || line[8] !== 0x20) return undefined;
  const json = line.subarray(9).toString('utf8');
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
