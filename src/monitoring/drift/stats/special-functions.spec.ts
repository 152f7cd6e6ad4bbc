import { JsonNumber, loadFixture, mismatch, num } from '../../../../test/fixtures/drift/fixtures';
import { outerProbInsideMethod, probOutsideSquare } from './ks-pvalue';
import { kstwoSf } from './kstwo';
import { kolmogorov, smirnov } from './smirnov';
import { chi2Sf, erf, erfc, gammainc, gammaincc, lgamma, ndtr } from './special-functions';

interface SpecialFixture {
  kstwoSf: [number, number, JsonNumber][];
  kolmogorov: [number, JsonNumber][];
  smirnov: [number, number, JsonNumber][];
  chi2Sf: [number, number, JsonNumber][];
  ndtr: [number, JsonNumber][];
  gammaln: [number, JsonNumber][];
  gammaincc: [number, number, JsonNumber][];
  probOutsideSquare: [number, number, JsonNumber][];
  outerProbInside: [number, number, number, number, JsonNumber][];
}

const fx = loadFixture<SpecialFixture>('special.json');

// Special functions are held to 1e-10 relative (absolute floor 1e-300, i.e. relative down to underflow).
const REL = 1e-10;
const ABS = 1e-300;

function check(rows: { label: string; actual: number; expected: number }[], rel = REL, abs = ABS): void {
  const failures = rows
    .map((r) => mismatch(r.label, r.actual, r.expected, rel, abs))
    .filter((m) => m !== null);
  expect(failures).toEqual([]);
}

describe('special functions vs scipy', () => {
  it('kstwo.sf (two-sided one-sample KS distribution) over every algorithm branch', () => {
    expect(fx.kstwoSf.length).toBeGreaterThan(500);
    check(
      fx.kstwoSf.map(([n, x, v]) => ({
        label: `kstwo.sf(${x}, ${n})`,
        actual: kstwoSf(x, n),
        expected: num(v),
      })),
    );
  });

  it('kolmogorov (kstwobign.sf)', () => {
    check(
      fx.kolmogorov.map(([x, v]) => ({ label: `kolmogorov(${x})`, actual: kolmogorov(x), expected: num(v) })),
    );
  });

  it('smirnov (one-sided KS survival function)', () => {
    check(
      fx.smirnov.map(([n, x, v]) => ({
        label: `smirnov(${n}, ${x})`,
        actual: smirnov(n, x),
        expected: num(v),
      })),
    );
  });

  it('chi2.sf', () => {
    check(
      fx.chi2Sf.map(([x, df, v]) => ({
        label: `chi2.sf(${x}, ${df})`,
        actual: chi2Sf(x, df),
        expected: num(v),
      })),
    );
  });

  it('ndtr (normal CDF)', () => {
    check(fx.ndtr.map(([z, v]) => ({ label: `ndtr(${z})`, actual: ndtr(z), expected: num(v) })));
  });

  it('gammaln and gammaincc', () => {
    // lgamma is compared absolutely near its zeros at 1 and 2 (it feeds exp(), where absolute error matters)
    check(
      fx.gammaln.map(([x, v]) => ({ label: `gammaln(${x})`, actual: lgamma(x), expected: num(v) })),
      1e-13,
      1e-14,
    );
    check(
      fx.gammaincc.map(([a, x, v]) => ({
        label: `gammaincc(${a}, ${x})`,
        actual: gammaincc(a, x),
        expected: num(v),
      })),
    );
  });

  it('exact two-sample KS path counting kernels', () => {
    check(
      fx.probOutsideSquare.map(([n, h, v]) => ({
        label: `prob_outside_square(${n}, ${h})`,
        actual: probOutsideSquare(n, h),
        expected: num(v),
      })),
    );
    check(
      fx.outerProbInside.map(([m, n, g, h, v]) => ({
        label: `outer_prob_inside(${m}, ${n}, ${g}, ${h})`,
        actual: outerProbInsideMethod(m, n, g, h),
        expected: num(v),
      })),
    );
  });

  it('handles domain edges without throwing', () => {
    expect(chi2Sf(0, 3)).toBe(1);
    expect(chi2Sf(Infinity, 3)).toBe(0);
    expect(chi2Sf(1, 0)).toBeNaN();
    expect(kstwoSf(0.3, 0)).toBeNaN();
    expect(kstwoSf(0, 10)).toBe(1);
    expect(kstwoSf(1, 10)).toBe(0);
    expect(ndtr(Infinity)).toBe(1);
    expect(ndtr(-Infinity)).toBe(0);
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expect(gammainc(2, 0)).toBe(0);
    expect(gammaincc(2, Infinity)).toBe(0);
    expect(smirnov(10, 0)).toBe(1);
    expect(kolmogorov(0)).toBe(1);
  });
});
