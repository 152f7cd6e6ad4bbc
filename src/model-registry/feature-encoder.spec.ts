import { FieldError } from '../common/errors/domain-error';
import { FeatureEncoder } from './feature-encoder';
import { parseManifest } from './manifest-parser';
import { loadDemoModel } from '../../test/utils/demo-model';

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

  describe('text', () => {
    const texts = parseManifest({
      task: 'classification',
      features: [
        { name: 'title', type: 'text', maxLength: 10, overLength: 'truncate' },
        { name: 'body', type: 'text', required: false },
      ],
      labels: ['no', 'yes'],
      inputs: [{ name: 'strings', features: ['title', 'body'] }],
      outputs: { probabilities: 'p' },
    });

    it('writes text features into a [rows, n] string tensor, optional ones absent as empty strings', () => {
      const errors: FieldError[] = [];
      const batch = new FeatureEncoder(texts).encode(
        [{ title: 'A long title here', body: 'b' }, ['t', null]],
        (i) => `instances[${i}]`,
        errors,
      );
      expect(errors).toEqual([]);
      expect(batch.tensors).toEqual([
        { name: 'strings', kind: 'string', width: 2, rank: 2, data: ['A long tit', 'b', 't', ''] },
      ]);
      expect(batch.values).toEqual([
        { title: 'A long title here', body: 'b' },
        { title: 't', body: null },
      ]);
      expect(batch.truncated).toEqual([
        { row: 0, field: 'instances[0].title', unit: 'characters', from: 17, to: 10 },
      ]);
    });

    it('takes a bare string as the row only for a model with one text feature', async () => {
      expect(new FeatureEncoder(texts).seedFeature).toBeUndefined();
      const { encoder, session } = await loadDemoModel('sentiment', '1');
      await session.release();
      expect(encoder.seedFeature?.name).toBe('text');
      const errors: FieldError[] = [];
      const batch = encoder.encode(['good', 'bad', 7, '\ud800'], (i) => `texts[${i}]`, errors, true);
      expect(errors).toEqual([
        { field: 'texts[2]', message: 'must be a string, got number' },
        { field: 'texts[3]', message: 'is not valid UTF-16: a lone surrogate at index 0' },
      ]);
      expect(batch.tensors[0]).toMatchObject({ kind: 'string', rank: 2, data: ['good', 'bad', '', ''] });
      // KServe's v1 form for text models: instances that are strings
      const more: FieldError[] = [];
      const instances = encoder.encode(['fine', { text: 'ok' }, 7], (i) => `instances[${i}]`, more);
      expect(more).toEqual([
        { field: 'instances[2]', message: 'must be an object keyed by feature name or an array of values' },
      ]);
      expect(instances.tensors[0].data).toEqual(['fine', 'ok', '']);
    });

    it('tokenizes into input_ids, attention_mask and token_type_ids padded to the longest text', async () => {
      const { encoder, session } = await loadDemoModel('sentiment-bert', '1');
      await session.release();
      const errors: FieldError[] = [];
      const long = 'great '.repeat(100);
      const batch = encoder.encode(['This is great', '', long], (i) => `texts[${i}]`, errors);
      expect(errors).toEqual([]);
      const [ids, mask, types] = batch.tensors;
      expect(batch.tensors.map((t) => [t.name, t.kind, t.width])).toEqual([
        ['input_ids', 'int64', 64],
        ['attention_mask', 'int64', 64],
        ['token_type_ids', 'int64', 64],
      ]);
      const row = (t: typeof ids, r: number) =>
        Array.from(t.data as BigInt64Array, Number).slice(r * 64, r * 64 + 64);
      expect(row(ids, 0).slice(0, 6)).toEqual([
        2,
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        3,
        0,
      ]);
      expect(row(mask, 0)).toEqual([1, 1, 1, 1, 1, ...new Array(59).fill(0)]);
      expect(row(ids, 1)).toEqual([2, 3, ...new Array(62).fill(0)]);
      expect(row(ids, 2).at(-1)).toBe(3);
      expect(row(types, 2)).toEqual(new Array(64).fill(0));
      expect(batch.truncated).toEqual([{ row: 2, field: 'texts[2]', unit: 'tokens', from: 102, to: 64 }]);
      const short = encoder.encode([{ text: 'good' }], () => 'features', errors);
      expect(short.tensors.map((t) => t.width)).toEqual([3, 3, 3]);
    });
  });
});
