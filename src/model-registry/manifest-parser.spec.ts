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
    expect(m.performance).toEqual({});
  });

  it('reads the labelled reference column of a classifier (estimated performance)', () => {
    const classifier = { ...valid, task: 'classification', labels: ['a', 'b'], outputs: { label: 'l' } };
    expect(
      parseManifest({ ...classifier, performance: { target: '__target__', chunks: 5 } }).performance,
    ).toEqual({
      target: '__target__',
      chunks: 5,
    });
  });

  it('reads text features, and a manifest that only names a tokenizer', () => {
    const text = parseManifest({
      ...valid,
      features: [{ name: 'review', type: 'text', required: false, maxLength: 100, overLength: 'truncate' }],
      inputs: [{ name: 'text', features: ['review'] }],
    });
    expect(text.features[0]).toEqual({
      name: 'review',
      type: 'text',
      required: false,
      maxLength: 100,
      overLength: 'truncate',
    });
    expect(parseManifest({ ...valid, features: [{ name: 'x', type: 'text' }] }).features[0]).toMatchObject({
      required: true,
      maxLength: 2000,
      overLength: 'reject',
    });
    const hf = parseManifest({ tokenizer: 'tokenizer.json', labels: ['negative', 'positive'] });
    expect(hf).toMatchObject({
      task: 'classification',
      features: [{ name: 'text', type: 'text', maxLength: 2000 }],
      inputs: [],
      outputs: { logits: 'logits' },
      tokenizer: { file: 'tokenizer.json' },
    });
    expect(
      parseManifest({ tokenizer: { file: 't.json', maxLength: 128 }, labels: ['a', 'b'] }).tokenizer,
    ).toEqual({
      file: 't.json',
      maxLength: 128,
    });
  });

  it.each([
    [{ ...valid, task: 'ranking' }, 'task must be classification or regression'],
    [
      { ...valid, features: [{ name: 'x', type: 'image' }] },
      'features[0].type must be numeric, categorical or text',
    ],
    [
      { ...valid, features: [{ name: 'x', type: 'text', maxLength: 0 }] },
      'features[0].maxLength must be an integer between 1 and 1000000',
    ],
    [
      { ...valid, features: [{ name: 'x', type: 'text', overLength: 'cut' }] },
      'features[0].overLength must be reject or truncate',
    ],
    [
      {
        ...valid,
        features: [
          { name: 'x', type: 'text' },
          { name: 'y', type: 'numeric' },
        ],
        inputs: [{ name: 'input', features: ['x', 'y'] }],
      },
      'inputs[0] mixes text with numeric or categorical features',
    ],
    [{ tokenizer: 'tokenizer.json' }, 'a classifier needs >= 2 labels'],
    [
      { tokenizer: '../etc/passwd', labels: ['a', 'b'] },
      'tokenizer must name a file in the version directory, e.g. "tokenizer.json"',
    ],
    [
      { tokenizer: { file: 't.json', maxLength: 1 }, labels: ['a', 'b'] },
      'tokenizer.maxLength must be an integer of at least 2',
    ],
    [
      { tokenizer: 't.json', labels: ['a', 'b'], inputs: [{ name: 'input_ids', features: ['text'] }] },
      'a tokenizer model takes its inputs from the graph: remove inputs',
    ],
    [
      { tokenizer: 't.json', labels: ['a', 'b'], features: [{ name: 'x', type: 'numeric' }] },
      'a tokenizer model has exactly one feature, of type text',
    ],
    [
      { ...valid, task: 'classification', labels: ['a', 'b'], outputs: { logits: 'l', probabilities: 'p' } },
      'give outputs.logits or outputs.probabilities, not both',
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
    [
      { ...valid, performance: { target: '__target__' } },
      'performance.target: estimated performance needs a classifier',
    ],
    [{ ...valid, performance: { target: 7 } }, 'performance.target must name a reference.csv column'],
    [{ ...valid, performance: { chunks: 1 } }, 'performance.chunks must be an integer between 2 and 100'],
    [{ ...valid, performance: 'yes' }, 'performance must be an object'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseManifest(raw)).toThrow(new ManifestError(message));
  });
});
