import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../../common/clock';
import { FieldError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { FeatureEncoder } from '../../model-registry/feature-encoder';
import { parseManifest } from '../../model-registry/manifest-parser';
import { ServableVersion } from '../../model-registry/model-version';
import { ModelSession, OrtSessionFactory } from '../../model-registry/onnx-session';
import { DecodedPrediction, decodeOutputs } from '../../model-registry/output-decoder';
import { BatchEvents } from './batch-events';
import { DynamicBatcher } from './dynamic-batcher';
import { feedsOf } from './tensor-batch';
import { loadDemoModel } from '../../../test/utils/demo-model';

const MODELS = join(__dirname, '..', '..', '..', 'models');

function referenceRows(dir: string, count: number, names: Set<string>): Record<string, string | number>[] {
  const [header, ...lines] = readFileSync(join(dir, 'reference.csv'), 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.slice(0, count).map((line) => {
    const row: Record<string, string | number> = {};
    line.split(',').forEach((v, i) => {
      if (names.has(cols[i]) && v !== '') row[cols[i]] = Number.isNaN(Number(v)) ? v : Number(v);
    });
    return row;
  });
}

/** The demo models through the real onnxruntime: batched answers are each request's own answers. */
describe(`${DynamicBatcher.name} with onnxruntime`, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['loan-risk', '2'],
    ['house-price', '1'],
  ])('%s@%s answers concurrent requests as if each ran alone', async (name, version) => {
    const dir = join(MODELS, name, version);
    const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const encoder = new FeatureEncoder(manifest);
    const real = await new OrtSessionFactory().create(join(dir, 'model.onnx'));
    const runs: number[] = [];
    const session: ModelSession = {
      inputs: real.inputs,
      outputs: real.outputs,
      release: () => real.release(),
      run: (feeds) => {
        runs.push(Object.values(feeds)[0].dims[0]);
        return real.run(feeds);
      },
    };
    const model = { name, version, manifest, encoder, session, status: 'ready' } as ServableVersion;
    const rows = referenceRows(dir, 40, new Set(manifest.features.map((f) => f.name)));
    // requests of 1, 2 and 3 rows, in turn
    const requests: (typeof rows)[] = [];
    for (let i = 0, size = 1; i < rows.length; i += size, size = (size % 3) + 1) {
      requests.push(rows.slice(i, i + size));
    }
    const errors: FieldError[] = [];
    const encoded = requests.map((r) => encoder.encode(r, (i) => `rows[${i}]`, errors));
    expect(errors).toEqual([]);

    const alone: DecodedPrediction[][] = [];
    for (const b of encoded) alone.push(decodeOutputs(manifest, await real.run(feedsOf(b)), b.rows));
    const config = { batching: { maxBatchSize: 16, maxDelayMs: 0 } } as AppConfig;
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const batched = await Promise.all(
      encoded.map(async (b) => decodeOutputs(manifest, await batcher.run(model, b), b.rows)),
    );

    expect(runs.length).toBeLessThan(encoded.length);
    expect(Math.max(...runs)).toBeLessThanOrEqual(16);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(rows.length);
    batched.forEach((predictions, i) => {
      expect(predictions).toHaveLength(alone[i].length);
      predictions.forEach((p, j) => {
        const expected = alone[i][j];
        if (typeof expected.prediction === 'number') {
          // float32 GEMM over a different row count may round differently in the last place
          const relative =
            Math.abs((p.prediction as number) - expected.prediction) / Math.abs(expected.prediction);
          expect(relative).toBeLessThan(1e-5);
        } else expect(p.prediction).toBe(expected.prediction);
        for (const [label, prob] of Object.entries(expected.probabilities ?? {})) {
          expect(p.probabilities?.[label]).toBeCloseTo(prob, 5);
        }
      });
    });
    await real.release();
  });

  it.each([
    ['sentiment', '1'],
    ['sentiment-bert', '1'],
  ])('%s@%s answers concurrent texts of different lengths as if each ran alone', async (name, version) => {
    const { manifest, encoder, session: real, samples } = await loadDemoModel(name, version);
    const shapes: number[][] = [];
    const session: ModelSession = {
      ...real,
      inputs: real.inputs,
      outputs: real.outputs,
      run: (feeds) => {
        shapes.push(Object.values(feeds)[0].dims as number[]);
        return real.run(feeds);
      },
    };
    const model = { name, version, manifest, encoder, session, status: 'ready' } as ServableVersion;
    const texts = samples.map((s) => s.features.text as string);
    const requests: string[][] = [];
    for (let i = 0, size = 1; i < texts.length; i += size, size = (size % 3) + 1)
      requests.push(texts.slice(i, i + size));
    const errors: FieldError[] = [];
    const encoded = requests.map((r) => encoder.encode(r, (i) => `texts[${i}]`, errors, true));
    expect(errors).toEqual([]);
    const alone: DecodedPrediction[][] = [];
    for (const b of encoded) alone.push(decodeOutputs(manifest, await real.run(feedsOf(b)), b.rows));

    const config = { batching: { maxBatchSize: 8, maxDelayMs: 0 } } as AppConfig;
    const batcher = new DynamicBatcher(config, new BatchEvents(), new Clock());
    const batched = await Promise.all(
      encoded.map(async (b) => decodeOutputs(manifest, await batcher.run(model, b), b.rows)),
    );
    expect(shapes.length).toBeLessThan(encoded.length);
    expect(shapes.reduce((n, s) => n + s[0], 0)).toBe(texts.length);
    if (manifest.tokenizer) {
      // each run is padded to its own longest text, not to the model's maximum
      const widths = new Set(shapes.map((s) => s[1]));
      expect(widths.size).toBeGreaterThan(1);
    }
    batched.forEach((predictions, i) =>
      predictions.forEach((p, j) => {
        expect(p.prediction).toBe(alone[i][j].prediction);
        for (const [label, prob] of Object.entries(alone[i][j].probabilities!))
          expect(p.probabilities![label]).toBeCloseTo(prob, 5);
      }),
    );
    await real.release();
  });
});
