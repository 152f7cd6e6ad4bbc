import { FieldError } from '../common/errors/domain-error';
import { feedsOf } from './encoded-batch';
import { checkManifestAgainstGraph } from './graph-check';
import { decodeOutputs } from './output-decoder';
import { loadDemoModel } from '../../test/utils/demo-model';

/** The committed demo models, run through Sightline's own encoder and decoder, give scikit-learn's answers. */
describe('demo models', () => {
  it.each([
    ['loan-risk', '1'],
    ['loan-risk', '2'],
    ['house-price', '1'],
    ['sentiment', '1'],
    ['sentiment-bert', '1'],
  ])('%s@%s matches the training script on its samples', async (name, version) => {
    const { manifest, encoder, session, samples } = await loadDemoModel(name, version);
    expect(checkManifestAgainstGraph(manifest, session.inputs, session.outputs)).toEqual([]);

    const errors: FieldError[] = [];
    const batch = encoder.encode(
      samples.map((s) => s.features),
      (i) => `samples[${i}]`,
      errors,
    );
    expect(errors).toEqual([]);
    const decoded = decodeOutputs(manifest, await session.run(feedsOf(batch)), batch.rows);
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
