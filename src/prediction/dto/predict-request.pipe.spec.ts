import { ArgumentMetadata } from '@nestjs/common';
import { FieldError, ValidationFailedError } from '../../common/errors/domain-error';
import { strictValidationPipe } from '../../common/http/validation';
import { PredictRequestDto } from './predict-request.dto';
import { PredictRequestPipe } from './predict-request.pipe';

const row = { age: 42, income: 52000, employment: 'employed' };

/** Bodies a client may send, good and bad; each is run through both pipes on its own copy. */
const corpus: unknown[] = [
  null,
  5,
  'abc',
  true,
  [],
  [1, 2],
  [{ features: row }],
  {},
  { features: row },
  { features: [42, 52000, 'employed'] },
  { features: 5 },
  { features: 'x' },
  { features: null },
  { features: row, metadata: null },
  { features: row, metadata: { customer_id: 'c-1' } },
  { features: row, metadata: [] },
  { features: row, metadata: 'x' },
  { instances: [row, row] },
  { instances: [[1, 2]] },
  { instances: [] },
  { instances: 'x' },
  { instances: {} },
  { instances: [row], features: row },
  { instances: [row], features: 3 },
  { a: 1, b: 2, features: row },
  { features: row, extra: 1, instances: {}, metadata: 'x' },
  { features: { ...row, constructor: 'x', prototype: 1 }, constructor: 1 },
  { instances: [{ ...row, constructor: { prototype: 1 } }] },
  { text: 'This is a fantastic product!' },
  { text: '' },
  { text: 5 },
  { text: ['a'] },
  { text: 'a', metadata: { source: 'web' } },
  { texts: ['a', 'b'] },
  { texts: [] },
  { texts: 'a' },
  { texts: [1, null] },
  { text: 'a', features: row },
  { text: 'a', features: 'x' },
  { texts: ['a'], instances: [row] },
];

const metadata: ArgumentMetadata = { type: 'body', metatype: PredictRequestDto, data: undefined };

async function outcome(run: () => unknown): Promise<{ ok: unknown } | { errors: FieldError[] }> {
  try {
    return { ok: JSON.parse(JSON.stringify(await run())) };
  } catch (err) {
    if (err instanceof ValidationFailedError) return { errors: err.errors };
    throw err;
  }
}

describe(PredictRequestPipe.name, () => {
  it.each(corpus.map((body) => [JSON.stringify(body), body]))(
    'answers %s exactly as the class-validator DTO does',
    async (_name, body) => {
      const copy = () => structuredClone(body);
      const theirs = await outcome(() => strictValidationPipe().transform(copy(), metadata));
      const ours = await outcome(() => new PredictRequestPipe().transform(copy()));
      expect(ours).toEqual(theirs);
    },
  );

  it('rejects "instances": null, which the DTO let through to a 500', () => {
    expect(() => new PredictRequestPipe().transform({ instances: null })).toThrow(ValidationFailedError);
  });

  it('rejects "text": null and "texts": null, which the DTO would let through unchecked', () => {
    expect(() => new PredictRequestPipe().transform({ text: null })).toThrow(ValidationFailedError);
    expect(() => new PredictRequestPipe().transform({ texts: null })).toThrow(ValidationFailedError);
  });
});
