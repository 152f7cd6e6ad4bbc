import { existsSync } from 'node:fs';
import { open, readFile, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { csvField } from './csv';
import { UsageError } from './cli';
import { FileFormat } from './rows';

/** One output line: the input row's number (from 1), its prediction or its error, its other columns. */
export interface OutputRecord {
  row: number;
  prediction_id?: string;
  prediction?: string | number;
  probabilities?: Record<string, number>;
  error?: string;
  extra: Record<string, unknown>;
}

export interface Sink {
  /** Rows an earlier, interrupted run already wrote (--resume). */
  readonly done: number;
  write(records: OutputRecord[]): Promise<void>;
  close(): Promise<void>;
}

function toJson(r: OutputRecord): string {
  const { extra, ...own } = r;
  return JSON.stringify({ ...extra, ...own });
}

/** Predictions as NDJSON on stdout. */
export class StdoutSink implements Sink {
  readonly done = 0;
  constructor(private readonly out: (line: string) => void) {}
  async write(records: OutputRecord[]): Promise<void> {
    for (const r of records) this.out(toJson(r));
  }
  async close(): Promise<void> {}
}

/**
 * Predictions written to a file, one write per batch, in input order, so an interrupted run
 * leaves whole rows (and at most one torn line, which --resume cuts off) and can carry on.
 */
export class PredictionFile implements Sink {
  private constructor(
    private readonly handle: FileHandle,
    private readonly format: FileFormat,
    private readonly columns: string[],
    readonly done: number,
  ) {}

  static async open(
    path: string,
    options: { format: FileFormat; resume: boolean; force: boolean; labels: string[]; extra: string[] },
  ): Promise<PredictionFile> {
    const columns = [
      'row',
      'prediction_id',
      'prediction',
      ...options.labels.map((l) => `probability_${l}`),
      'error',
      ...options.extra,
    ];
    const existing = existsSync(path) ? await readFile(path, 'utf8') : '';
    if (existing !== '' && !options.resume && !options.force)
      throw new UsageError(`${path} exists: --resume to carry on where it stopped, --force to overwrite it`);
    let done = 0;
    if (options.resume && existing !== '') {
      const whole = existing.slice(0, existing.lastIndexOf('\n') + 1);
      if (whole.length < existing.length) await truncate(path, Buffer.byteLength(whole));
      const lines = whole.split('\n').filter(Boolean);
      const data = options.format === 'csv' ? lines.slice(1) : lines;
      done = data.length;
      const last = data[data.length - 1];
      const lastRow =
        last === undefined ? 0 : Number(options.format === 'csv' ? last.split(',')[0] : JSON.parse(last).row);
      if (lastRow !== done)
        throw new UsageError(`${path} does not end at row ${done}: it is not this run's output`);
    }
    const handle = await open(path, options.resume ? 'a' : 'w');
    const file = new PredictionFile(handle, options.format, columns, done);
    if (options.format === 'csv' && (existing === '' || !options.resume))
      await handle.write(`${columns.join(',')}\n`);
    return file;
  }

  async write(records: OutputRecord[]): Promise<void> {
    if (records.length === 0) return;
    const lines = records.map((r) => (this.format === 'csv' ? this.csvLine(r) : toJson(r)));
    await this.handle.write(`${lines.join('\n')}\n`);
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  private csvLine(r: OutputRecord): string {
    return this.columns
      .map((c) => {
        if (c.startsWith('probability_')) return csvField(r.probabilities?.[c.slice('probability_'.length)]);
        if (c === 'row' || c === 'prediction_id' || c === 'prediction' || c === 'error')
          return csvField(r[c]);
        return csvField(r.extra[c]);
      })
      .join(',');
  }
}
