import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ModelCard } from '../../clients/typescript/src';
import { csvRecords } from './csv';
import { UsageError } from './cli';

export type FileFormat = 'csv' | 'ndjson';

/** One input row: its features, and the other columns (ids...), which go to the output as they are. */
export interface InputRow {
  features: Record<string, unknown>;
  extra: Record<string, unknown>;
}

export function formatOf(path: string, explicit: string | undefined): FileFormat {
  const format =
    explicit ?? (/\.csv$/i.test(path) ? 'csv' : /\.(nd)?jsonl?$/i.test(path) ? 'ndjson' : undefined);
  if (format === 'csv' || format === 'ndjson') return format;
  throw new UsageError(
    `cannot tell the format of ${path}: name it .csv or .ndjson, or pass --format csv|ndjson`,
  );
}

const text = (path: string) => createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });

/** Rows of the file, typed by the model card: numeric features as numbers, empty cells left out. */
export async function* readRows(path: string, format: FileFormat, card: ModelCard): AsyncGenerator<InputRow> {
  const numeric = new Set(card.features.filter((f) => f.type === 'numeric').map((f) => f.name));
  const features = new Set(card.features.map((f) => f.name));
  const split = (values: Record<string, unknown>): InputRow => {
    const row: InputRow = { features: {}, extra: {} };
    for (const [k, v] of Object.entries(values)) (features.has(k) ? row.features : row.extra)[k] = v;
    return row;
  };
  if (format === 'ndjson') {
    let n = 0;
    for await (const line of createInterface({ input: text(path), crlfDelay: Infinity })) {
      n++;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UsageError(`${path}:${n}: not a JSON object`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new UsageError(`${path}:${n}: each line must be a JSON object of features`);
      yield split(value as Record<string, unknown>);
    }
    return;
  }
  let header: string[] | undefined;
  for await (const record of csvRecords(text(path))) {
    if (!header) {
      header = record.map((h) => h.trim());
      continue;
    }
    const values: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const cell = record[i] ?? '';
      if (cell === '' && features.has(name)) return; // missing: the model's default or a 422 naming it
      // a cell that is not a number stays text, and the server names the field and the reason
      values[name] =
        numeric.has(name) && cell.trim() !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : cell;
    });
    yield split(values);
  }
}

/** The rows a file holds, for the progress bar (one pass, the same parser). */
export async function countRows(path: string, format: FileFormat): Promise<number> {
  let n = 0;
  if (format === 'ndjson') {
    for await (const line of createInterface({ input: text(path), crlfDelay: Infinity }))
      if (line.trim()) n++;
    return n;
  }
  for await (const _ of csvRecords(text(path))) n++;
  return Math.max(n - 1, 0);
}

/** The columns of the file that are not features of the model (reported once, copied to the output). */
export function unusedColumns(row: InputRow | undefined): string[] {
  return row ? Object.keys(row.extra) : [];
}
