import * as ort from 'onnxruntime-node';
import { EncodedBatch } from '../../src/model-registry/feature-encoder';
import { Feeds, Fetches, ModelSession, TensorInfo } from '../../src/model-registry/onnx-session';
import { BatchItem } from '../../src/prediction/batching/tensor-batch';

/**
 * A session over one input `x` [batch, 2] answering `sum` [batch] (row sums) and `twice`
 * [batch, 2], so a test can tell from each request's outputs whose rows it got back.
 */
export class FakeSession implements ModelSession {
  readonly calls: number[] = [];
  failWith: Error | undefined;
  /** Answers `sum` with this many rows whatever the input, like a graph that reduces over the batch. */
  sumRows: number | undefined;
  /** Fails any run holding a row whose first value is this, like a graph given an index out of range. */
  poison: number | undefined;

  constructor(
    readonly inputs: TensorInfo[] = [{ name: 'x', type: 'float32', shape: ['batch', 2] }],
    readonly outputs: TensorInfo[] = [
      { name: 'sum', type: 'float32', shape: ['batch'] },
      { name: 'twice', type: 'float32', shape: ['batch', 2] },
    ],
  ) {}

  async run(feeds: Feeds): Promise<Fetches> {
    await new Promise((resolve) => setImmediate(resolve));
    const x = feeds.x;
    const rows = x.dims[0];
    this.calls.push(rows);
    if (this.failWith) throw this.failWith;
    const data = x.data as Float32Array;
    for (let r = 0; r < rows; r++) if (data[r * 2] === this.poison) throw new Error(`row ${r} is poison`);
    const sumRows = this.sumRows ?? rows;
    const sum = new Float32Array(sumRows);
    for (let r = 0; r < sumRows; r++) sum[r] = (data[r * 2] ?? 0) + (data[r * 2 + 1] ?? 0);
    return {
      sum: new ort.Tensor('float32', sum, [sumRows]),
      twice: new ort.Tensor(
        'float32',
        data.map((v) => v * 2),
        [rows, 2],
      ),
    };
  }

  async release(): Promise<void> {}
}

/** An encoded request whose rows are [a, b] pairs. */
export function rowsOf(...pairs: [number, number][]): EncodedBatch {
  return {
    tensors: [{ name: 'x', kind: 'float32', width: 2, data: Float32Array.from(pairs.flat()) }],
    values: pairs.map(([a, b]) => ({ a, b })),
    rows: pairs.length,
  };
}

/** The same rows as a batching queue holds them. */
export function itemOf(...pairs: [number, number][]): BatchItem {
  return { kind: 'encoded', batch: rowsOf(...pairs), rows: pairs.length };
}

export const sums = (f: Fetches): number[] => [...(f.sum.data as Float32Array)];
