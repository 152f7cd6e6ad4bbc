import { loadFixture, materialize, mismatch, NumericFixture } from '../../../../test/fixtures/drift/fixtures';
import { binCounts, fillZeroProportions, quantileBinEdges, quantileSorted } from './binning';
import { jensenShannonDistance, jensenShannonFromCounts, jensenShannonNumeric } from './jensen-shannon';
import { psiFromCounts, psiNumeric } from './psi';
import { populationStd, wasserstein, wassersteinDistance } from './wasserstein';

const fx = loadFixture<NumericFixture>('numeric.json');
const computable = fx.cases.filter((c) => c.expected !== null);

// Tolerance for every statistic: 1e-6 relative, with an absolute floor of 1e-12 for figures at or near 0.
const REL = 1e-6;
const ABS = 1e-12;

function noMismatch(...checks: (string | null)[]): void {
  expect(checks.filter((m) => m !== null)).toEqual([]);
}

describe('Wasserstein vs scipy.stats.wasserstein_distance (+ Evidently norm)', () => {
  it.each(computable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ref = materialize(fx.samples, c.reference);
    const cur = materialize(fx.samples, c.current);
    const want = c.expected!.wasserstein;
    const got = wasserstein(ref, cur);
    if (!got.computable) throw new Error(got.reason);
    noMismatch(
      mismatch('distance', got.distance, want.distance, REL, ABS),
      mismatch('referenceStd', got.referenceStd, want.referenceStd, REL, ABS),
      mismatch('normed', got.statistic, want.normed, REL, ABS),
      mismatch('wassersteinDistance', wassersteinDistance(ref, cur), want.distance, REL, ABS),
    );
    expect(got.stdClamped).toBe(want.referenceStd < 0.001);
  });

  it('norms a constant reference by 0.001 and flags it', () => {
    const got = wasserstein([2, 2, 2], [2, 3]);
    expect(got).toMatchObject({ computable: true, distance: 0.5, referenceStd: 0, stdClamped: true });
    if (got.computable) expect(got.statistic).toBeCloseTo(500, 9);
    expect(populationStd([1, 3])).toBe(1);
  });

  it('flags empty windows and rejects empty input to the raw distance', () => {
    expect(wasserstein([1], [])).toEqual({ computable: false, reason: 'empty-current' });
    expect(wasserstein([], [1])).toEqual({ computable: false, reason: 'empty-reference' });
    expect(() => wassersteinDistance([], [1])).toThrow(RangeError);
  });
});

describe('PSI and Jensen-Shannon over reference-quantile bins', () => {
  const rows = computable.flatMap((c) =>
    Object.keys(c.expected!.binned).map((bins) => [`${c.name} (${bins} bins)`, c, Number(bins)] as const),
  );

  it.each(rows)('%s', (_name, c, bins) => {
    const ref = materialize(fx.samples, c.reference);
    const cur = materialize(fx.samples, c.current);
    const want = c.expected!.binned[String(bins)];
    const edges = quantileBinEdges(ref, bins);
    expect(Array.from(edges)).toEqual(want.edges);
    expect(Array.from(binCounts(ref, edges))).toEqual(want.referenceCounts);
    expect(Array.from(binCounts(cur, edges))).toEqual(want.currentCounts);
    const psi = psiNumeric(ref, cur, { bins });
    const js = jensenShannonNumeric(ref, cur, { bins });
    const js2 = jensenShannonNumeric(ref, cur, { bins, base: 2 });
    if (!psi.computable || !js.computable || !js2.computable) throw new Error('not computable');
    noMismatch(
      mismatch('psi', psi.statistic, want.psi, REL, ABS),
      mismatch('js', js.statistic, want.js, REL, ABS),
      mismatch('js base 2', js2.statistic, want.jsBase2, REL, ABS),
    );
  });

  it('uses deciles by default', () => {
    const ref = Float64Array.from({ length: 101 }, (_, i) => i);
    expect(Array.from(quantileBinEdges(ref))).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const psi = psiNumeric(ref, ref);
    if (!psi.computable) throw new Error('not computable');
    expect(psi.edges).toHaveLength(9);
    expect(psi.statistic).toBe(0);
  });

  it('interpolates quantiles like numpy (linear) and collapses duplicate edges', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(Array.from(quantileBinEdges([5, 5, 5, 5]))).toEqual([5]);
    expect(Array.from(binCounts([4, 5, 6], [5]))).toEqual([2, 1]); // right-closed: 5 falls in (-inf, 5]
    expect(() => quantileBinEdges([1], 0)).toThrow(RangeError);
    expect(() => quantileBinEdges([])).toThrow(RangeError);
  });

  it("fills zero proportions with Evidently's epsilon", () => {
    expect(Array.from(fillZeroProportions(Float64Array.from([0.5, 0.5, 0])))).toEqual([0.5, 0.5, 1e-4]);
    expect(Array.from(fillZeroProportions(Float64Array.from([1 - 5e-5, 5e-5, 0])))).toEqual([
      1 - 5e-5,
      5e-5,
      5e-5 / 1e6,
    ]);
    expect(Array.from(fillZeroProportions(Float64Array.from([1, 0]), 1e-3))).toEqual([1, 1e-3]);
  });

  it('computes from SQL-style bin counts and flags empty windows', () => {
    expect(psiFromCounts([1, 1], [0, 0])).toEqual({ computable: false, reason: 'empty-current' });
    expect(psiFromCounts([0, 0], [1, 1])).toEqual({ computable: false, reason: 'empty-reference' });
    expect(psiNumeric([1, 2, 3], [])).toEqual({ computable: false, reason: 'empty-current' });
    expect(jensenShannonFromCounts([1, 1], [0, 0])).toEqual({ computable: false, reason: 'empty-current' });
    expect(jensenShannonNumeric([], [1])).toEqual({ computable: false, reason: 'empty-reference' });
    expect(() => psiFromCounts([1], [1, 2])).toThrow(RangeError);
  });

  it('jensenShannonDistance matches known values', () => {
    expect(jensenShannonDistance([1, 0], [0, 1], 2)).toBeCloseTo(1, 12);
    expect(jensenShannonDistance([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.LN2), 12);
    expect(jensenShannonDistance([2, 2], [1, 1])).toBe(0);
  });
});
