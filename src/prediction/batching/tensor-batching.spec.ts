import { Logger } from '@nestjs/common';
import * as ort from 'onnxruntime-node';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { Feeds, Fetches, ModelSession, TensorInfo } from '../../model-registry/onnx-session';
import { BatchEvents } from './batch-events';
import { BatchedModel, DynamicBatcher } from './dynamic-batcher';
import { rowsOf } from '../../../test/utils/fake-session';
import { batchKey, concatTensors, sharedRows, splitFetches } from './tensor-batch';

/** Answers `echo_<input>` for every input (a copy), and only the outputs asked for. */
class EchoSession implements ModelSession {
  readonly calls: { rows: number; outputs?: readonly string[] }[] = [];
  constructor(
    readonly inputs: TensorInfo[],
    readonly outputs: TensorInfo[] = inputs.map((i) => ({ ...i, name: `echo_${i.name}` })),
  ) {}

  async run(feeds: Feeds, outputs?: readonly string[]): Promise<Fetches> {
    await new Promise((resolve) => setImmediate(resolve));
    this.calls.push({ rows: Object.values(feeds)[0].dims[0] ?? 0, outputs });
    const fetches: Fetches = {};
    for (const [name, t] of Object.entries(feeds)) {
      if (outputs && !outputs.includes(`echo_${name}`)) continue;
      const data = Array.isArray(t.data) ? [...t.data] : (t.data as Float32Array).slice();
      fetches[`echo_${name}`] = new ort.Tensor(t.type, data as Float32Array, t.dims);
    }
    return fetches;
  }

  async release(): Promise<void> {}
}

const config = { batching: { maxBatchSize: 64, maxDelayMs: 0 } } as AppConfig;
const model = (session: ModelSession): BatchedModel => ({
  name: 'm',
  version: '1',
  manifest: undefined,
  session,
});
const tokens = (rows: bigint[][]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat()), [rows.length, rows[0]?.length ?? 0]);
const words = (rows: string[]) => new ort.Tensor('string', rows, [rows.length]);

describe(`${DynamicBatcher.name} with any tensors`, () => {
  beforeAll(() => Logger.overrideLogger(false));
  const signature: TensorInfo[] = [
    { name: 't', type: 'int64', shape: ['batch', 'seq'] },
    { name: 'w', type: 'string', shape: ['batch'] },
  ];

  it('runs requests of the same shapes and datatypes as one run and hands each its own rows', async () => {
    const session = new EchoSession(signature);
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const [a, b] = await Promise.all([
      batcher.runTensors(model(session), { t: tokens([[1n, 2n]]), w: words(['one']) }),
      batcher.runTensors(model(session), {
        t: tokens([
          [3n, 4n],
          [5n, 6n],
        ]),
        w: words(['two', 'three']),
      }),
    ]);
    expect(session.calls).toEqual([{ rows: 3, outputs: undefined }]);
    expect([...(a.echo_t.data as BigInt64Array)]).toEqual([1n, 2n]);
    expect(a.echo_w.data).toEqual(['one']);
    expect(b.echo_t.dims).toEqual([2, 2]);
    expect([...(b.echo_t.data as BigInt64Array)]).toEqual([3n, 4n, 5n, 6n]);
    expect(b.echo_w.data).toEqual(['two', 'three']);
  });

  it('keeps requests apart whose trailing dimensions or requested outputs differ', async () => {
    const session = new EchoSession(signature);
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const results = await Promise.all([
      batcher.runTensors(model(session), { t: tokens([[1n, 2n]]), w: words(['a']) }),
      batcher.runTensors(model(session), { t: tokens([[1n, 2n, 3n]]), w: words(['b']) }),
      batcher.runTensors(model(session), { t: tokens([[4n, 5n]]), w: words(['c']) }, ['echo_w']),
      batcher.runTensors(model(session), { t: tokens([[6n, 7n]]), w: words(['d']) }, ['echo_w']),
    ]);
    expect(session.calls.map((c) => c.rows).sort()).toEqual([1, 1, 2]);
    expect(Object.keys(results[2])).toEqual(['echo_w']);
    expect(results[3].echo_w.data).toEqual(['d']);
  });

  it('runs alone a request whose inputs share no first dimension (a scalar among them)', async () => {
    const session = new EchoSession([
      { name: 'x', type: 'float32', shape: ['batch'] },
      { name: 's', type: 'float32', shape: [] },
    ]);
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const feeds = () => ({
      x: new ort.Tensor('float32', Float32Array.from([1, 2]), [2]),
      s: new ort.Tensor('float32', Float32Array.from([9]), []),
    });
    await Promise.all([
      batcher.runTensors(model(session), feeds()),
      batcher.runTensors(model(session), feeds()),
    ]);
    expect(session.calls.map((c) => c.rows)).toEqual([2, 2]);
  });

  it('keeps v1 predictions on their own queue, padded by their encoder, apart from v2 tensors', async () => {
    const session = new EchoSession([{ name: 'x', type: 'float32', shape: ['batch', 2] }]);
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const [v1, v2] = await Promise.all([
      batcher.run(model(session), rowsOf([1, 2])),
      batcher.runTensors(model(session), { x: new ort.Tensor('float32', Float32Array.from([3, 4]), [1, 2]) }),
    ]);
    expect(session.calls).toEqual([
      { rows: 1, outputs: undefined },
      { rows: 1, outputs: undefined },
    ]);
    expect([...(v1.echo_x.data as Float32Array)]).toEqual([1, 2]);
    expect([...(v2.echo_x.data as Float32Array)]).toEqual([3, 4]);
  });
});

describe('tensor batches', () => {
  it('stack and split every element type along the first dimension', () => {
    const bool = (v: number[]) => ({ b: new ort.Tensor('bool', Uint8Array.from(v), [v.length, 1]) });
    const feeds = concatTensors([bool([1]), bool([0, 1])], 3);
    expect(feeds.b.type).toBe('bool');
    expect(feeds.b.dims).toEqual([3, 1]);
    expect([...(feeds.b.data as Uint8Array)]).toEqual([1, 0, 1]);
    const [first, second] = splitFetches(feeds, [1, 2], 3);
    expect([...(first.b.data as Uint8Array)]).toEqual([1]);
    expect(second.b.dims).toEqual([2, 1]);
  });

  it('name what requests must share, and the rows they bring', () => {
    const x = (dims: number[]) => ({
      x: new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)), dims),
    });
    expect(batchKey(x([1, 3]))).toBe(batchKey(x([5, 3])));
    expect(batchKey(x([1, 3]))).not.toBe(batchKey(x([1, 4])));
    expect(batchKey(x([1, 3]), ['y'])).not.toBe(batchKey(x([1, 3])));
    expect(sharedRows(x([4, 3]))).toBe(4);
    expect(
      sharedRows({ ...x([4, 3]), y: new ort.Tensor('float32', new Float32Array(3), [3]) }),
    ).toBeUndefined();
    expect(sharedRows({ s: new ort.Tensor('float32', new Float32Array(1), []) })).toBeUndefined();
  });
});
