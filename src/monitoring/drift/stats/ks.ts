/**
 * Two-sample Kolmogorov-Smirnov test (two-sided), equal to `scipy.stats.ks_2samp(ref, cur)`.
 */
import { ksTwoSampleTwoSidedPValue } from './ks-pvalue';
import { notComputable, NotComputable, Sample, sortedCopy } from './types';

export interface KsResult {
  readonly computable: true;
  /** sup_x |F_ref(x) - F_cur(x)|, as scipy reports it (snapped to h/lcm(n, m) by the exact method). */
  readonly statistic: number;
  readonly pValue: number;
  /** 'exact' when max(n, m) <= 10000 (unless the exact computation failed), else 'asymp'. */
  readonly method: 'exact' | 'asymp';
  /** +1 when F_ref - F_cur attains the statistic (reference ECDF above current), -1 otherwise. */
  readonly statisticSign: 1 | -1;
  readonly referenceSize: number;
  readonly currentSize: number;
}

export interface KsSampleResult extends KsResult {
  /** A value at which the statistic is attained (scipy's `statistic_location`). */
  readonly statisticLocation: number;
}

/** Counts of values <= x in a sorted array, advancing a cursor (x must be non-decreasing across calls). */
function advance(sorted: Float64Array, cursor: number, x: number): number {
  let c = cursor;
  while (c < sorted.length && sorted[c] <= x) c++;
  return c;
}

/**
 * Two-sided two-sample KS test of `current` against `reference`.
 * Ties are handled exactly as scipy does: ECDFs are right-continuous and evaluated at every pooled value.
 * An empty window yields `{ computable: false }`; NaN/Infinity values throw a RangeError.
 */
export function ks2samp(reference: Sample, current: Sample): KsSampleResult | NotComputable {
  if (reference.length === 0) return notComputable('empty-reference');
  if (current.length === 0) return notComputable('empty-current');
  const a = sortedCopy(reference, 'reference');
  const b = sortedCopy(current, 'current');
  const n1 = a.length;
  const n2 = b.length;
  // scipy evaluates cdf1 - cdf2 at concat(sorted(ref), sorted(cur)) and takes the first argmin/argmax.
  let maxS = -Infinity;
  let maxLoc = 0;
  let minS = Infinity;
  let minLoc = 0;
  const visit = (x: number, c1: number, c2: number): void => {
    const diff = c1 / n1 - c2 / n2;
    if (diff > maxS) {
      maxS = diff;
      maxLoc = x;
    }
    if (diff < minS) {
      minS = diff;
      minLoc = x;
    }
  };
  let cb = 0;
  let ca = 0;
  for (let i = 0; i < n1; i++) {
    ca = advance(a, ca, a[i]);
    cb = advance(b, cb, a[i]);
    visit(a[i], ca, cb);
  }
  ca = 0;
  cb = 0;
  for (let i = 0; i < n2; i++) {
    ca = advance(a, ca, b[i]);
    cb = advance(b, cb, b[i]);
    visit(b[i], ca, cb);
  }
  const minAbs = Math.min(Math.max(-minS, 0), 1);
  const useMin = minAbs > maxS;
  const d = useMin ? minAbs : maxS;
  const p = ksTwoSampleTwoSidedPValue(d, n1, n2);
  return {
    computable: true,
    statistic: p.statistic,
    pValue: p.pValue,
    method: p.method,
    statisticSign: useMin ? -1 : 1,
    statisticLocation: useMin ? minLoc : maxLoc,
    referenceSize: n1,
    currentSize: n2,
  };
}
