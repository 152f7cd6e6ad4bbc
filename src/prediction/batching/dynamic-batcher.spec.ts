import { Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { Manifest } from '../../model-registry/manifest';
import { ServableVersion } from '../../model-registry/model-version';
import { BatchEvents } from './batch-events';
import { fixedBatchReason, resolveBatchLimits } from './batch-limits';
import { DynamicBatcher } from './dynamic-batcher';
import { FakeSession, rowsOf, sums } from '../../../test/utils/fake-session';

class RecordingEvents extends BatchEvents {
  readonly batches: { model: string; version: string; size: number; waits: number }[] = [];
  override batch(model: string, version: string, size: number, waits: readonly number[]): void {
    this.batches.push({ model, version, size, waits: waits.length });
  }
}

const config = { batching: { maxBatchSize: 64, maxDelayMs: 0 } } as AppConfig;

function version(session: FakeSession, batching?: Manifest['batching'], v = '1'): ServableVersion {
  return { name: 'm', version: v, session, manifest: { batching } } as unknown as ServableVersion;
}

describe(DynamicBatcher.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('batches each model version on its own queue and reports every run', async () => {
    const events = new RecordingEvents();
    const batcher = new DynamicBatcher(config, events, new Clock());
    const a = new FakeSession();
    const b = new FakeSession();
    const results = await Promise.all([
      batcher.run(version(a), rowsOf([1, 1])),
      batcher.run(version(b, undefined, '2'), rowsOf([2, 2])),
      batcher.run(version(a), rowsOf([3, 3])),
    ]);
    expect(results.map(sums)).toEqual([[2], [4], [6]]);
    expect(a.calls).toEqual([2]);
    expect(b.calls).toEqual([1]);
    expect(events.batches).toEqual(
      expect.arrayContaining([
        { model: 'm', version: '1', size: 2, waits: 2 },
        { model: 'm', version: '2', size: 1, waits: 1 },
      ]),
    );
  });

  it("honours the manifest's batching block", async () => {
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const session = new FakeSession();
    const model = version(session, { maxBatchSize: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.run(model, rowsOf([i, i]))));
    expect(session.calls).toEqual([2, 2, 1]);
  });

  it('runs a graph with a fixed batch dimension unbatched', async () => {
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const session = new FakeSession([{ name: 'x', type: 'float32', shape: [1, 2] }]);
    const results = await Promise.all([
      batcher.run(version(session), rowsOf([1, 2])),
      batcher.run(version(session), rowsOf([3, 4])),
    ]);
    expect(results.map(sums)).toEqual([[3], [7]]);
    expect(session.calls).toEqual([1, 1]);
  });
});

describe('batch limits', () => {
  it('lets a manifest override the defaults field by field and ignores bad values', () => {
    const problems: string[] = [];
    const manifest = { batching: { maxBatchSize: 8, maxDelayMs: -1 } } as Manifest;
    expect(resolveBatchLimits({ maxBatchSize: 64, maxDelayMs: 0 }, manifest, problems)).toEqual({
      maxBatchSize: 8,
      maxDelayMs: 0,
    });
    expect(problems).toEqual(['batching.maxDelayMs must be an integer between 0 and 1000']);
  });

  it('finds fixed batch dimensions and non-tensor outputs', () => {
    const dynamic = { name: 'x', type: 'float32', shape: ['batch', 3] };
    expect(fixedBatchReason([dynamic], [{ name: 'y', type: 'float32', shape: ['N'] }])).toBeUndefined();
    expect(fixedBatchReason([{ ...dynamic, shape: [4, 3] }], [])).toBe('x has a fixed batch dimension of 4');
    expect(fixedBatchReason([dynamic], [{ name: 'zipmap', type: 'non-tensor', shape: [] }])).toBe(
      'zipmap is not a tensor',
    );
  });
});
