import { FieldError } from '../common/errors/domain-error';
import { FeatureEncoder } from './feature-encoder';
import { parseManifest } from './manifest-parser';

const manifest = parseManifest({
  task: 'classification',
  features: [
    { name: 'age', type: 'numeric', min: 18, max: 100 },
    {
      name: 'income',
      type: 'numeric',
      required: false,
      default: 1000,
      min: 0,
      max: 5000,
      outOfRange: 'clip',
    },
    { name: 'color', type: 'categorical', categories: ['red', 'green', 'blue'] },
    { name: 'size', type: 'categorical', categories: ['s', 'l'], required: false, unseen: 'ignore' },
  ],
  labels: ['no', 'yes'],
  inputs: [
    { name: 'a', features: ['age', 'color'] },
    { name: 'b', features: ['size', 'income'] },
  ],
  outputs: { label: 'label', probabilities: 'probabilities' },
});

describe(FeatureEncoder.name, () => {
  const encoder = new FeatureEncoder(manifest);

  it('lays numeric columns and one-hot blocks out per input, in manifest order', () => {
    const errors: FieldError[] = [];
    const batch = encoder.encode(
      [{ age: 30, income: 200, color: 'blue', size: 'l' }],
      () => 'features',
      errors,
    );
    expect(errors).toEqual([]);
    expect(encoder.inputWidths).toEqual({ a: 4, b: 3 });
    expect([...batch.tensors[0].data]).toEqual([30, 0, 0, 1]);
    expect([...batch.tensors[1].data]).toEqual([0, 1, 200]);
    expect(batch.values[0]).toEqual({ age: 30, color: 'blue', size: 'l', income: 200 });
  });

  it('applies defaults, clipping and ignored unseen categories, logging the values as received', () => {
    const errors: FieldError[] = [];
    const batch = encoder.encode(
      [{ age: 30, color: 'red', income: 9000, size: 'xl' }, [40, null, 'green', null]],
      (i) => `instances[${i}]`,
      errors,
    );
    expect(errors).toEqual([]);
    expect([...batch.tensors[1].data]).toEqual([0, 0, 5000, 0, 0, 1000]);
    expect(batch.values[0]).toEqual({ age: 30, color: 'red', size: 'xl', income: 9000 });
    expect(batch.values[1]).toEqual({ age: 40, color: 'green', size: null, income: null });
  });

  it('collects every field error with its path', () => {
    const errors: FieldError[] = [];
    encoder.encode(
      [
        { age: 'x', color: 'pink', extra: 1 },
        { age: 10, color: 'red' },
        [1, 2],
        'nope',
        { age: Infinity, color: 7 },
      ],
      (i) => `instances[${i}]`,
      errors,
    );
    expect(errors).toEqual([
      { field: 'instances[0].extra', message: 'is not a feature of this model' },
      { field: 'instances[0].age', message: 'must be a number, got string' },
      { field: 'instances[0].color', message: 'must be one of red, green, blue' },
      { field: 'instances[1].age', message: 'must be between 18 and 100, got 10' },
      { field: 'instances[2]', message: 'must list 4 values in manifest order, got 2' },
      { field: 'instances[3]', message: 'must be an object keyed by feature name or an array of values' },
      { field: 'instances[4].age', message: 'must be a finite number' },
      { field: 'instances[4].color', message: 'must be a string category, got number' },
    ]);
  });

  it('names array positions in errors for the ordered form', () => {
    const errors: FieldError[] = [];
    encoder.encode([[null, 1, 'red', 's']], () => 'features', errors);
    expect(errors).toEqual([{ field: 'features[0]', message: 'is required' }]);
  });
});
