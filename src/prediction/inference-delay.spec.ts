import { ConfigError, loadConfig } from '../config/app-config';
import { EncodedBatch } from '../model-registry/feature-encoder';
import { ServableVersion } from '../model-registry/model-version';
import { DynamicBatcher } from './batching/dynamic-batcher';
import { InferenceRunner } from './inference-runner';

const BASE = { DATABASE_URL: 'postgres://localhost/x' };
const batch = { rows: 1, tensors: [] } as unknown as EncodedBatch;
const version = (name: string, v: string) => ({ name, version: v }) as ServableVersion;

function runner(env: Record<string, string>): { runner: InferenceRunner; calls: string[] } {
  const calls: string[] = [];
  const batcher = {
    run: (model: ServableVersion) => {
      calls.push(`${model.name}@${model.version}`);
      return Promise.resolve({});
    },
  } as unknown as DynamicBatcher;
  return { runner: new InferenceRunner(batcher, loadConfig({ ...BASE, ...env })), calls };
}

describe(InferenceRunner.name, () => {
  afterEach(() => jest.useRealTimers());

  it('holds only the listed model versions back by SIGHTLINE_TEST_INFERENCE_DELAY_MS', async () => {
    jest.useFakeTimers();
    const { runner: r, calls } = runner({
      SIGHTLINE_TEST_INFERENCE_DELAY_MS: '400',
      SIGHTLINE_TEST_INFERENCE_DELAY_MODELS: 'loan-risk@1,house-price',
    });
    const slow = r.run(version('loan-risk', '1'), batch);
    const slowToo = r.run(version('house-price', '3'), batch);
    await r.run(version('loan-risk', '2'), batch);
    expect(calls).toEqual(['loan-risk@2']);
    await jest.advanceTimersByTimeAsync(400);
    await Promise.all([slow, slowToo]);
    expect(calls).toEqual(['loan-risk@2', 'loan-risk@1', 'house-price@3']);
  });

  it('adds nothing by default', async () => {
    const { runner: r, calls } = runner({});
    await r.run(version('loan-risk', '1'), batch);
    expect(calls).toEqual(['loan-risk@1']);
  });
});

describe('test-only config', () => {
  it('refuses the inference delay when NODE_ENV=production', () => {
    expect(() =>
      loadConfig({
        ...BASE,
        NODE_ENV: 'production',
        SANITIZE_HMAC_KEY: 'a-production-key-0123',
        SIGHTLINE_TEST_INFERENCE_DELAY_MS: '400',
      }),
    ).toThrow(
      new ConfigError(
        'SIGHTLINE_TEST_INFERENCE_DELAY_MS is a test-only setting and is refused when NODE_ENV=production',
      ),
    );
  });

  it('names a malformed model entry', () => {
    expect(() => loadConfig({ ...BASE, SIGHTLINE_TEST_INFERENCE_DELAY_MODELS: 'loan risk' })).toThrow(
      'SIGHTLINE_TEST_INFERENCE_DELAY_MODELS entries look like "model" or "model@version", got "loan risk"',
    );
  });
});
