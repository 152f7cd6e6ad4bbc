/**
 * Two-sided p-value of the two-sample Kolmogorov-Smirnov statistic exactly as
 * `scipy.stats.ks_2samp(..., alternative='two-sided', method='auto')` computes it (scipy 1.10):
 *
 * - method choice: 'exact' when max(n1, n2) <= 10000, otherwise 'asymp';
 * - exact: the statistic is snapped to the lattice, h = round(d * lcm(n1, n2)), d = h / lcm; the p-value
 *   is the proportion of lattice paths leaving the band |x/n1 - y/n2| < h/lcm
 *   (`_compute_prob_outside_square` when n1 == n2, `_compute_outer_prob_inside_method` otherwise);
 *   if that figure is not a probability the computation falls back to 'asymp' (with the snapped d);
 * - asymp: `kstwo.sf(d, round(n1*n2/(n1+n2)))` (round half to even, like numpy);
 * - the p-value is clipped to [0, 1].
 */
import { clip, gcd, roundHalfEven } from './float-utils';
import { kstwoSf } from './kstwo';

// Module-level alias: global lookups are slow inside sandboxed contexts (jest's vm).
const M = Math;

/** Auto mode is exact when both sample sizes are at most this (scipy's MAX_AUTO_N). */
export const KS_MAX_EXACT_N = 10000;

/** Pr(D_{n,n} >= h/n) for equal sample sizes (scipy `_compute_prob_outside_square`). */
export function probOutsideSquare(n: number, h: number): number {
  // P = 2 * A0 * (1 - A1*(1 - A2*(1 - ...))), Horner-like to avoid subtractive cancellation
  let P = 0;
  for (let k = M.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/**
 * Proportion of lattice paths from (0,0) to (m,n) that do not stay strictly inside |x/m - y/n| < h/lcm
 * (scipy `_compute_outer_prob_inside_method`: Hodges' inside method with Viehmann's 1-p recursion).
 */
export function outerProbInsideMethod(m0: number, n0: number, g: number, h: number): number {
  const m = M.max(m0, n0);
  const n = M.min(m0, n0);
  const mg = M.floor(m / g);
  const ng = M.floor(n / g);
  let minj = 0;
  let maxj = M.min(M.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = M.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = M.min(M.max(M.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = M.min(M.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}

export interface KsPValue {
  /** The statistic as scipy reports it: snapped to h/lcm(n1, n2) when the exact method was attempted. */
  readonly statistic: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymp';
}

/** Two-sided p-value for a two-sample KS statistic `d` with sample sizes n1, n2 (scipy method='auto'). */
export function ksTwoSampleTwoSidedPValue(d: number, n1: number, n2: number): KsPValue {
  if (!(n1 >= 1 && n2 >= 1 && Number.isInteger(n1) && Number.isInteger(n2))) {
    throw new RangeError(`sample sizes must be positive integers, got ${n1} and ${n2}`);
  }
  let stat = d;
  if (M.max(n1, n2) <= KS_MAX_EXACT_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = roundHalfEven(d * lcm);
    stat = h / lcm;
    if (h === 0) return { statistic: stat, pValue: 1, method: 'exact' };
    const prob = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
    if (prob >= 0 && prob <= 1) return { statistic: stat, pValue: prob, method: 'exact' };
  }
  const m = M.max(n1, n2);
  const n = M.min(n1, n2);
  const en = (m * n) / (m + n);
  const prob = kstwoSf(stat, roundHalfEven(en));
  return { statistic: stat, pValue: clip(prob, 0, 1), method: 'asymp' };
}
