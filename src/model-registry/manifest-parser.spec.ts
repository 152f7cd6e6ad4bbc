import { ManifestError, parseManifest } from './manifest-parser';

const valid = {
  task: 'regression',
  features: [{ name: 'x', type: 'numeric' }],
  inputs: [{ name: 'input', features: ['x'] }],
  outputs: { value: 'y' },
};

describe('parseManifest', () => {
  it('fills defaults', () => {
    const m = parseManifest(valid);
    expect(m.features[0]).toEqual({
      name: 'x',
      type: 'numeric',
      required: true,
      outOfRange: 'reject',
      min: undefined,
      max: undefined,
      default: undefined,
    });
    expect(m.sanitize.fields).toEqual({});
  });

  it.each([
    [{ ...valid, task: 'ranking' }, 'task must be classification or regression'],
    [
      { ...valid, features: [{ name: 'x', type: 'text' }] },
      'features[0].type must be numeric or categorical',
    ],
    [
      { ...valid, features: [{ name: 'x', type: 'numeric', required: false }] },
      'features[0]: an optional numeric feature needs a default',
    ],
    [
      { ...valid, inputs: [{ name: 'input', features: ['y'] }] },
      'inputs[0].features must list declared features',
    ],
    [{ ...valid, outputs: {} }, 'outputs.value is required for regression'],
    [
      { ...valid, task: 'classification', labels: ['a'], outputs: { label: 'l' } },
      'a classifier needs >= 2 labels',
    ],
    [{ ...valid, sanitize: { fields: { x: 'shred' } } }, 'sanitize.fields.x must be drop, mask or hash'],
    [
      { ...valid, features: [{ name: 'x', type: 'categorical', categories: ['a', 'a'] }] },
      'features[0].categories has duplicates',
    ],
  ])('rejects %j', (raw, message) => {
    expect(() => parseManifest(raw)).toThrow(new ManifestError(message));
  });
});
