import { findLimitViolation } from './input-limits';

const limits = { maxJsonDepth: 4, maxStringLength: 10 };

describe(findLimitViolation.name, () => {
  it('accepts a body inside the limits', () => {
    expect(findLimitViolation({ a: [1, { b: 'short' }], c: null }, limits)).toBeUndefined();
  });

  it('names the first field nested too deep, also 200,000 levels down (no recursion)', () => {
    expect(findLimitViolation({ a: { b: [{ c: [1] }] } }, limits)).toEqual({
      field: 'a.b[0].c',
      message: 'is nested deeper than 4 levels',
    });
    let abyss: unknown = 1;
    for (let i = 0; i < 200_000; i++) abyss = [abyss];
    expect(findLimitViolation({ x: abyss }, limits)?.field).toBe('x[0][0][0]');
  });

  it('names long strings and long field names', () => {
    expect(findLimitViolation({ a: ['ok', 'x'.repeat(11)] }, limits)).toEqual({
      field: 'a[1]',
      message: 'must be at most 10 characters long',
    });
    expect(findLimitViolation({ ['k'.repeat(11)]: 1 }, limits)?.message).toBe(
      'has a field name that is too long',
    );
  });

  it('leaves binary bodies alone', () => {
    expect(findLimitViolation(Buffer.alloc(100_000), limits)).toBeUndefined();
  });
});
