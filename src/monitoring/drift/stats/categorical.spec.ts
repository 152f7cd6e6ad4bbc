import { CategoricalFixture, loadFixture, mismatch, num } from '../../../../test/fixtures/drift/fixtures';
import { alignCategoryCounts, compareCodePoints, countCategories } from './categories';
import { chiSquareTest } from './chi-square';
import { jensenShannonCategorical } from './jensen-shannon';
import { psiCategorical } from './psi';
import { zTest } from './z-test';

const fx = loadFixture<CategoricalFixture>('categorical.json');
const computable = fx.cases.filter((c) => c.expected !== null);

// Tolerance for every statistic: 1e-6 relative, with an absolute floor of 1e-12 for figures at or near 0.
const REL = 1e-6;
const ABS = 1e-12;

function noMismatch(...checks: (string | null)[]): void {
  expect(checks.filter((m) => m !== null)).toEqual([]);
}

describe('categorical statistics vs scipy / Evidently', () => {
  it.each(computable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const want = c.expected!;
    const chi = chiSquareTest(c.reference, c.current);
    if (!chi.computable) throw new Error(chi.reason);
    expect(chi.categories).toEqual(want.categories);
    expect(chi.unseen).toEqual(want.unseen);
    expect(chi.unseenCount).toBe(want.unseenCount);
    expect(chi.degreesOfFreedom).toBe(want.chisquare.df);

    const excl = chiSquareTest(c.reference, c.current, { unseen: 'exclude' });
    if (want.chisquareExclude === null) {
      expect(excl).toEqual({ computable: false, reason: 'no-overlap' });
    } else {
      if (!excl.computable) throw new Error(excl.reason);
      expect(excl.degreesOfFreedom).toBe(want.chisquareExclude.df);
      noMismatch(
        mismatch('chi2 exclude statistic', excl.statistic, num(want.chisquareExclude.statistic), REL, ABS),
        mismatch('chi2 exclude pValue', excl.pValue, num(want.chisquareExclude.pValue), REL, ABS),
      );
    }

    const z = zTest(c.reference, c.current);
    const psi = psiCategorical(c.reference, c.current);
    const js = jensenShannonCategorical(c.reference, c.current);
    const js2 = jensenShannonCategorical(c.reference, c.current, { base: 2 });
    if (!z.computable || !psi.computable || !js.computable || !js2.computable)
      throw new Error('not computable');
    expect(z.baseCategory).toBe(want.z.baseCategory);
    noMismatch(
      mismatch('chi2 statistic', chi.statistic, num(want.chisquare.statistic), REL, ABS),
      mismatch('chi2 pValue', chi.pValue, num(want.chisquare.pValue), REL, ABS),
      mismatch('z statistic', z.statistic, want.z.statistic, REL, ABS),
      mismatch('z pValue', z.pValue, want.z.pValue, REL, ABS),
      mismatch('psi', psi.statistic, want.psi, REL, ABS),
      mismatch('js', js.statistic, want.js, REL, ABS),
      mismatch('js base 2', js2.statistic, want.jsBase2, REL, ABS),
    );
  });

  it('chi-square p-values match relatively even when tiny', () => {
    for (const c of computable) {
      const chi = chiSquareTest(c.reference, c.current);
      if (!chi.computable) throw new Error(chi.reason);
      expect(mismatch(c.name, chi.pValue, num(c.expected!.chisquare.pValue), 1e-9, 1e-300)).toBeNull();
    }
  });

  it('treats unseen categories as certain drift by default and reports them', () => {
    const chi = chiSquareTest(
      { a: 10, b: 10 },
      new Map([
        ['a', 5],
        ['b', 4],
        ['new', 1],
      ]),
    );
    expect(chi).toMatchObject({
      computable: true,
      statistic: Infinity,
      pValue: 0,
      unseen: ['new'],
      unseenCount: 1,
    });
    const excl = chiSquareTest(
      { a: 10, b: 10 },
      new Map([
        ['a', 5],
        ['b', 4],
        ['new', 1],
      ]),
      { unseen: 'exclude' },
    );
    expect(excl).toMatchObject({ computable: true, unseen: ['new'], unseenCount: 1, categories: ['a', 'b'] });
  });

  it('deviates from scipy for a single category: p = 1 instead of NaN', () => {
    expect(chiSquareTest({ x: 3 }, { x: 7 })).toMatchObject({ statistic: 0, pValue: 1, degreesOfFreedom: 0 });
    expect(zTest({ x: 3 }, { x: 7 })).toMatchObject({ statistic: 0, pValue: 1 });
  });

  it('flags empty windows as not computable', () => {
    for (const f of [chiSquareTest, zTest, psiCategorical, jensenShannonCategorical]) {
      expect(f({ a: 1 }, {})).toEqual({ computable: false, reason: 'empty-current' });
      expect(f({}, { a: 1 })).toEqual({ computable: false, reason: 'empty-reference' });
    }
  });
});

describe('category counting helpers', () => {
  it('counts values by String(value) and drops missing values', () => {
    const counts = countCategories(['a', 'b', 'a', null, undefined, Number.NaN, 1, '1', true]);
    expect(Object.fromEntries(counts)).toEqual({ a: 2, b: 1, '1': 2, true: 1 });
  });

  it('orders categories by code point like Python sorted()', () => {
    expect(['b', '10', '2', '1', 'B'].sort(compareCodePoints)).toEqual(['1', '10', '2', 'B', 'b']);
    expect(['\u{1F600}', '\uFF5E'].sort(compareCodePoints)).toEqual(['\uFF5E', '\u{1F600}']);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });

  it('aligns counts over the union and ignores zero counts', () => {
    const a = alignCategoryCounts({ a: 2, z: 0 }, { b: 3 });
    expect(a.categories).toEqual(['a', 'b']);
    expect(Array.from(a.reference)).toEqual([2, 0]);
    expect(Array.from(a.current)).toEqual([0, 3]);
    expect(() => alignCategoryCounts({ a: -1 }, {})).toThrow(RangeError);
  });
});
