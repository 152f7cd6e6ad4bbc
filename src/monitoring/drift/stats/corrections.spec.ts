import { CorrectionsFixture, loadFixture, mismatch } from '../../../../test/fixtures/drift/fixtures';
import { benjaminiHochberg, bonferroni, falseDiscoveryControl } from './corrections';

const fx = loadFixture<CorrectionsFixture>('corrections.json');

// Tolerance: 1e-6 relative, with an absolute floor of 1e-12.
function compare(label: string, got: Float64Array, want: number[]): void {
  expect(got).toHaveLength(want.length);
  const failures = want
    .map((w, i) => mismatch(`${label}[${i}]`, got[i], w, 1e-6, 1e-12))
    .filter((m) => m !== null);
  expect(failures).toEqual([]);
}

describe('multiple-testing corrections', () => {
  it(`fixtures come from ${fx.meta.fdrSource === 'scipy' ? 'scipy.stats.false_discovery_control' : 'the scipy-equivalent reference in scripts/drift_fixtures.py'}`, () => {
    expect(['scipy', 'reference']).toContain(fx.meta.fdrSource);
  });

  it.each(fx.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    compare('bonferroni', bonferroni(c.pValues), c.bonferroni);
    compare('bh', benjaminiHochberg(c.pValues), c.bh);
    compare('bh', falseDiscoveryControl(c.pValues, 'bh'), c.bh);
    compare('by', falseDiscoveryControl(c.pValues, 'by'), c.by);
  });

  it('keeps input order, handles an empty family and rejects non-probabilities', () => {
    expect(Array.from(benjaminiHochberg([0.04, 0.01, 0.03]))).toEqual([0.04, 0.03, 0.04]);
    expect(Array.from(bonferroni([0.01, 0.5]))).toEqual([0.02, 1]);
    expect(benjaminiHochberg([])).toHaveLength(0);
    expect(() => bonferroni([0.1, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
