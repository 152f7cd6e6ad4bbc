import { Sightline, SightlineError } from '../../clients/typescript/src';
import { OutputRecord, Sink } from './prediction-file';
import { Progress } from './progress';
import { InputRow } from './rows';

export interface ScoreOptions {
  model: string;
  version?: string;
  batchSize: number;
  /** Batches in flight at once. */
  concurrency: number;
  /** Attempts for a batch the server could not take (429, 5xx, no connection). */
  attempts: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ScoreSummary {
  rows: number;
  predicted: number;
  failed: number;
  interrupted: boolean;
}

interface Batch {
  first: number;
  rows: InputRow[];
}

const ROW_FIELD = /^instances\[(\d+)\]/;
const retryable = (err: unknown) =>
  !(err instanceof SightlineError) || err.status === 429 || err.status === 408 || err.status >= 500;

/**
 * Scores rows in batches, `concurrency` of them in flight, and writes the results in input
 * order. A row the server refuses (422 naming `instances[i]`) gets its error line and the rest of
 * its batch is sent again; a batch the server could not take is retried with backoff. `stop()`
 * (the first Ctrl-C) lets the batches in flight finish and be written, so `--resume` carries on.
 */
export class BatchScorer {
  private stopped = false;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: Sightline,
    private readonly options: ScoreOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  stop(): void {
    this.stopped = true;
  }

  async run(rows: AsyncIterable<InputRow>, sink: Sink, progress: Progress): Promise<ScoreSummary> {
    const summary: ScoreSummary = { rows: sink.done, predicted: 0, failed: 0, interrupted: false };
    const inFlight: Promise<OutputRecord[]>[] = [];
    const settle = async () => {
      const records = await inFlight.shift()!;
      await sink.write(records);
      const failed = records.filter((r) => r.error !== undefined).length;
      summary.predicted += records.length - failed;
      summary.failed += failed;
      progress.advance(records.length, failed);
    };
    let seen = 0;
    let batch: Batch = { first: sink.done + 1, rows: [] };
    let cut = false;
    for await (const row of rows) {
      if (++seen <= sink.done) continue; // written by the run this one resumes
      batch.rows.push(row);
      if (batch.rows.length < this.options.batchSize) continue;
      if (this.stopped) {
        cut = true;
        break;
      }
      inFlight.push(this.score(batch));
      summary.rows += batch.rows.length;
      batch = { first: batch.first + batch.rows.length, rows: [] };
      if (inFlight.length >= this.options.concurrency) await settle();
    }
    if (batch.rows.length > 0 && !cut) {
      inFlight.push(this.score(batch));
      summary.rows += batch.rows.length;
    }
    summary.interrupted = cut;
    while (inFlight.length > 0) await settle();
    return summary;
  }

  /** One batch's output lines, in its order. */
  private async score(batch: Batch): Promise<OutputRecord[]> {
    const out: OutputRecord[] = batch.rows.map((r, i) => ({ row: batch.first + i, extra: r.extra }));
    let open = out.map((_, i) => i);
    while (open.length > 0) {
      const refused = await this.attempt(open.map((i) => batch.rows[i].features)).then(
        (response) => {
          response.predictions.forEach((p, j) => {
            const record = out[open[j]];
            record.prediction_id = p.prediction_id;
            record.prediction = p.prediction;
            if (p.probabilities) record.probabilities = p.probabilities;
          });
          return new Map<number, string>();
        },
        (err: unknown) => refusedRows(err, open.length),
      );
      for (const [j, message] of refused) out[open[j]].error = message;
      open = refused.size === 0 ? [] : open.filter((_, j) => !refused.has(j));
    }
    return out;
  }

  private async attempt(instances: Record<string, unknown>[]) {
    for (let n = 1; ; n++) {
      try {
        const { model, version } = this.options;
        return await this.client.predictBatch(instances as never[], { model, version });
      } catch (err) {
        if (!retryable(err) || n >= this.options.attempts) throw err;
        const after = (err as SightlineError).body?.retry_after;
        await this.sleep(typeof after === 'number' ? after * 1000 : 250 * 2 ** n);
      }
    }
  }
}

/** The rows a 422 names, with their messages; any other error ends the run. */
function refusedRows(err: unknown, size: number): Map<number, string> {
  if (!(err instanceof SightlineError) || err.status !== 422) throw err;
  const refused = new Map<number, string>();
  for (const e of err.fieldErrors) {
    const index = Number(ROW_FIELD.exec(e.field)?.[1]);
    if (!Number.isInteger(index) || index >= size) throw err;
    const field = e.field.replace(ROW_FIELD, '').replace(/^\./, '') || 'row';
    const message = `${field} ${e.message}`;
    refused.set(index, refused.has(index) ? `${refused.get(index)}; ${message}` : message);
  }
  if (refused.size === 0) throw err;
  return refused;
}
