import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sightline } from '../../clients/typescript/src';
import { BatchScorer } from './batch-scorer';
import { OutputRecord, PredictionFile, Sink } from './prediction-file';
import { Progress } from './progress';
import { InputRow } from './rows';

/** A server for predictBatch: rows with age < 18 are refused; `busy` answers 503 that many times. */
function fakeServer(state: { busy: number; calls: number[] }) {
  return async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const { instances } = JSON.parse(String(init?.body)) as { instances: { age: number }[] };
    state.calls.push(instances.length);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (state.busy > 0) {
      state.busy--;
      return json(503, { title: 'Service unavailable', status: 503, detail: 'busy' });
    }
    const errors = instances.flatMap((r, i) =>
      r.age < 18
        ? [{ field: `instances[${i}].age`, message: `must be between 18 and 100, got ${r.age}` }]
        : [],
    );
    if (errors.length) return json(422, { title: 'Validation failed', status: 422, errors });
    await new Promise((r) => setTimeout(r, instances[0].age % 3)); // answers out of order
    return json(200, {
      model: { name: 'm', version: '1' },
      predictions: instances.map((r) => ({
        prediction_id: `id-${r.age}`,
        prediction: r.age > 50 ? 'old' : 'young',
      })),
    });
  };
}

class MemorySink implements Sink {
  readonly records: OutputRecord[] = [];
  constructor(readonly done = 0) {}
  async write(records: OutputRecord[]): Promise<void> {
    this.records.push(...records);
  }
  async close(): Promise<void> {}
}

async function* rows(ages: number[]): AsyncGenerator<InputRow> {
  for (const [i, age] of ages.entries()) yield { features: { age }, extra: { id: `r${i + 1}` } };
}

const setup = (busy = 0) => {
  const state = { busy, calls: [] as number[] };
  const client = new Sightline({
    baseUrl: 'http://sightline.test',
    fetch: fakeServer(state) as typeof fetch,
  });
  const scorer = new BatchScorer(client, {
    model: 'm',
    batchSize: 3,
    concurrency: 3,
    attempts: 3,
    sleep: async () => undefined,
  });
  const progress = new Progress({ total: undefined, start: 0, tty: false, write: () => undefined });
  return { state, scorer, progress };
};

describe(BatchScorer.name, () => {
  it('writes every row in input order with its prediction, and refused rows with their reason', async () => {
    const { scorer, progress, state } = setup();
    const sink = new MemorySink();
    const ages = [20, 30, 7, 40, 60, 70, 5, 6, 80, 90];
    const summary = await scorer.run(rows(ages), sink, progress);
    expect(summary).toEqual({ rows: 10, predicted: 7, failed: 3, interrupted: false });
    expect(sink.records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sink.records.map((r) => r.extra.id)).toEqual(ages.map((_, i) => `r${i + 1}`));
    expect(sink.records[0]).toMatchObject({ prediction_id: 'id-20', prediction: 'young' });
    expect(sink.records[2]).toEqual({
      row: 3,
      extra: { id: 'r3' },
      error: 'age must be between 18 and 100, got 7',
    });
    expect(sink.records[6].error).toBe('age must be between 18 and 100, got 5');
    // the batches holding refused rows went again without them
    expect(state.calls.sort()).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it('retries a batch the server could not take, then gives up with its error', async () => {
    const ok = setup(2);
    await expect(ok.scorer.run(rows([20]), new MemorySink(), ok.progress)).resolves.toMatchObject({
      predicted: 1,
    });
    expect(ok.state.calls).toEqual([1, 1, 1]);
    const down = setup(5);
    await expect(down.scorer.run(rows([20]), new MemorySink(), down.progress)).rejects.toThrow(/busy/);
  });

  it('skips the rows an earlier run wrote, and after stop() writes what is in flight and says so', async () => {
    const resumed = setup();
    const sink = new MemorySink(4);
    await resumed.scorer.run(rows([20, 21, 22, 23, 24, 25]), sink, resumed.progress);
    expect(sink.records.map((r) => r.row)).toEqual([5, 6]);
    const stopped = setup();
    const half = new MemorySink();
    const feed = async function* () {
      for await (const r of rows([20, 21, 22, 23, 24, 25, 26, 27, 28, 29])) {
        if (r.extra.id === 'r5') stopped.scorer.stop();
        yield r;
      }
    };
    const summary = await stopped.scorer.run(feed(), half, stopped.progress);
    expect(summary.interrupted).toBe(true);
    expect(half.records.map((r) => r.row)).toEqual([1, 2, 3]);
  });
});

describe(PredictionFile.name, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sightline-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const options = { format: 'csv' as const, resume: false, force: false, labels: ['a'], extra: ['id'] };

  it('refuses to overwrite, and on --resume cuts a torn last line and counts the whole rows', async () => {
    const path = join(dir, 'out.csv');
    const file = await PredictionFile.open(path, options);
    await file.write([
      { row: 1, prediction_id: 'p1', prediction: 'a', probabilities: { a: 0.5 }, extra: { id: 'x,1' } },
      { row: 2, error: 'age is required', extra: { id: 'x2' } },
    ]);
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe(
      'row,prediction_id,prediction,probability_a,error,id\n1,p1,a,0.5,,"x,1"\n2,,,,age is required,x2\n',
    );
    writeFileSync(path, `${readFileSync(path, 'utf8')}3,p3,a,0.`); // a crash in the middle of a write
    await expect(PredictionFile.open(path, options)).rejects.toThrow(/--resume/);
    const resumed = await PredictionFile.open(path, { ...options, resume: true });
    expect(resumed.done).toBe(2);
    await resumed.write([{ row: 3, prediction_id: 'p3', prediction: 'a', extra: { id: 'x3' } }]);
    await resumed.close();
    expect(readFileSync(path, 'utf8').split('\n').slice(-2)).toEqual(['3,p3,a,,,x3', '']);
  });

  it('refuses to resume a file that is not this run’s output', async () => {
    const path = join(dir, 'out.ndjson');
    writeFileSync(path, '{"row":7}\n');
    await expect(PredictionFile.open(path, { ...options, format: 'ndjson', resume: true })).rejects.toThrow(
      /does not end at row 1/,
    );
  });
});
