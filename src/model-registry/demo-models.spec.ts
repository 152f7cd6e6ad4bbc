import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { FieldError } from '../common/errors/domain-error';
import { FeatureEncoder } from './feature-encoder';
import { checkManifestAgainstGraph } from './graph-check';
import { parseManifest } from './manifest-parser';
import { OrtSessionFactory } from './onnx-session';
import { decodeOutputs } from './output-decoder';

interface Sample {
  features: Record<string, number | string>;
  probabilities?: number[];
  label?: string;
  value?: number;
}

const MODELS = join(__dirname, '..', '..', 'models');

/** The committed demo models, run through Sightline's own encoder and decoder, give scikit-learn's answers. */
describe('demo models', () => {
  it.each([
    ['loan-risk', '1'],
    ['loan-risk', '2'],
    ['house-price', '1'],
  ])('%s@%s matches scikit-learn on its samples', async (name, version) => {
    const dir = join(MODELS, name, version);
    const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
    const samples = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8')) as Sample[];
    const session = await new OrtSessionFactory().create(join(dir, 'model.onnx'));
    expect(checkManifestAgainstGraph(manifest, session.inputs, session.outputs)).toEqual([]);

    const errors: FieldError[] = [];
    const batch = new FeatureEncoder(manifest).encode(
      samples.map((s) => s.features),
      (i) => `samples[${i}]`,
      errors,
    );
    expect(errors).toEqual([]);
    const feeds = Object.fromEntries(
      batch.tensors.map((t) => [t.name, new ort.Tensor('float32', t.data, [batch.rows, t.width])]),
    );
    const decoded = decodeOutputs(manifest, await session.run(feeds), batch.rows);
    await session.release();

    expect(samples.length).toBeGreaterThanOrEqual(20);
    samples.forEach((s, i) => {
      if (manifest.task === 'classification') {
        expect(decoded[i].prediction).toBe(s.label);
        manifest.labels.forEach((label, k) =>
          expect(decoded[i].probabilities![label]).toBeCloseTo(s.probabilities![k], 4),
        );
      } else {
        expect(Math.abs((decoded[i].prediction as number) - s.value!) / Math.abs(s.value!)).toBeLessThan(
          1e-4,
        );
      }
    });
  });
});
