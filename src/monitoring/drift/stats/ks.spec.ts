import { loadFixture, materialize, mismatch, NumericFixture } from '../../../../test/fixtures/drift/fixtures';
import { ks2samp } from './ks';
import { ksCurrentCounts, ksFromCounts, ksReferenceSupport } from './ks-counts';
import { ksTwoSampleTwoSidedPValue } from './ks-pvalue';
import { kstwoSf } from './kstwo';

const fx = loadFixture<NumericFixture>('numeric.json');
const computable = fx.cases.filter((c) => c.expected !== null);

// Tolerance for every statistic: 1e-6 relative, with an absolute floor of 1e-12 for figures at or near 0.
const REL = 1e-6;
const ABS = 1e-12;

describe('ks2samp vs scipy.stats.ks_2samp', () => {
  it.each(computable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = materialize(fx.samples, c.reference);
    const cur = materialize(fx.samples, c.current);
    const want = c.expected!.ks;
    const got = ks2samp(ref, cur);
    if (!got.computable) throw new Error(`not computable: ${got.reason}`);
    expect(got.method).toBe(want.method);
    expect(got.statisticSign).toBe(want.sign);
    expect(got.statisticLocation).toBe(want.location);
    const failures = [
      mismatch('statistic', got.statistic, want.statistic, REL, ABS),
      mismatch('pValue', got.pValue, want.pValue, REL, ABS),
    ].filter((m) => m !== null);
    expect(failures).toEqual([]);
  });

  it('p-values of the asymptotic cases also match relatively, down to tiny values', () => {
    for (const c of computable.filter((k) => k.expected!.ks.method === 'asymp')) {
      const got = ks2samp(materialize(fx.samples, c.reference), materialize(fx.samples, c.current));
      if (!got.computable) throw new Error('not computable');
      expect(mismatch(c.name, got.pValue, c.expected!.ks.pValue, 1e-9, 1e-300)).toBeNull();
    }
  });
});

describe('ksFromCounts (current window aggregated per reference interval)', () => {
  it.each(computable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = materialize(fx.samples, c.reference);
    const cur = materialize(fx.samples, c.current);
    const support = ksReferenceSupport(ref);
    const counts = ksCurrentCounts(support, cur);
    const got = ksFromCounts(support, counts);
    const want = c.expected!.ks;
    if (!got.computable) throw new Error(`not computable: ${got.reason}`);
    expect(got.method).toBe(want.method);
    expect(got.statisticSign).toBe(want.sign);
    expect(got.referenceSize).toBe(ref.length);
    expect(got.currentSize).toBe(cur.length);
    const failures = [
      mismatch('statistic', got.statistic, want.statistic, REL, ABS),
      mismatch('pValue', got.pValue, want.pValue, REL, ABS),
    ].filter((m) => m !== null);
    expect(failures).toEqual([]);
  });

  it('buckets current values into equal / strictly-between counts', () => {
    const support = ksReferenceSupport([3, 1, 2, 2, 5]);
    expect(Array.from(support.values)).toEqual([1, 2, 3, 5]);
    expect(Array.from(support.counts)).toEqual([1, 2, 1, 1]);
    const counts = ksCurrentCounts(support, [0, 1, 1.5, 2, 2, 4, 5, 9, 9]);
    expect(Array.from(counts.equal)).toEqual([1, 2, 0, 1]);
    expect(Array.from(counts.between)).toEqual([1, 1, 0, 1, 2]);
  });

  it('rejects mis-shaped counts and reports empty windows', () => {
    const support = ksReferenceSupport([1, 2]);
    expect(() => ksFromCounts(support, { equal: [1], between: [0, 0, 0] })).toThrow(RangeError);
    expect(ksFromCounts(support, { equal: [0, 0], between: [0, 0, 0] })).toEqual({
      computable: false,
      reason: 'empty-current',
    });
  });
});

describe('ks2samp edge cases', () => {
  it('flags empty windows as not computable instead of returning NaN', () => {
    expect(ks2samp([1, 2, 3], [])).toEqual({ computable: false, reason: 'empty-current' });
    expect(ks2samp(new Float64Array(0), [1])).toEqual({ computable: false, reason: 'empty-reference' });
  });

  it('rejects NaN and infinite values', () => {
    expect(() => ks2samp([1, Number.NaN], [1])).toThrow(RangeError);
    expect(() => ks2samp([1], [Infinity])).toThrow(RangeError);
  });

  it('accepts number[] and Float64Array alike and is symmetric in the statistic', () => {
    const a = [0.1, 0.4, 0.35, 0.8, 1.2];
    const b = Float64Array.from([0.5, 0.9, 1.1, 1.3]);
    const ab = ks2samp(a, b);
    const ba = ks2samp(b, a);
    if (!ab.computable || !ba.computable) throw new Error('not computable');
    expect(ab.statistic).toBe(ba.statistic);
    expect(ab.pValue).toBe(ba.pValue);
    expect(ab.statisticSign).toBe(-ba.statisticSign);
  });

  it('rounds en half to even in the asymptotic branch (10001 vs 10001 -> n = 5000)', () => {
    const p = ksTwoSampleTwoSidedPValue(0.02, 10001, 10001);
    expect(p.method).toBe('asymp');
    expect(p.pValue).toBe(kstwoSf(0.02, 5000));
    expect(p.pValue).not.toBe(kstwoSf(0.02, 5001));
    expect(() => ksTwoSampleTwoSidedPValue(0.1, 0, 3)).toThrow(RangeError);
  });
});
