/**
 * Kolmogorov-Smirnov statistic when the current window is known only as counts per interval of the
 * sorted reference values (so SQL can aggregate the current window instead of shipping it).
 *
 * Derivation. Let u_1 < ... < u_k be the distinct reference values, R_j = (#ref <= u_j) / n and
 * F_cur the current ECDF. F_ref is a right-continuous step function that is constant, equal to R_j,
 * on [u_j, u_{j+1}) (R_0 = 0 on (-inf, u_1), R_k = 1 on [u_k, +inf)). On such an interval F_cur is
 * non-decreasing, so |R_j - F_cur(x)| is largest at one of the interval's ends: at x = u_j (F_cur(u_j)
 * counts current values <= u_j) or just before u_{j+1} (F_cur(u_{j+1}-) counts current values < u_{j+1}).
 * Both ECDFs are step functions jumping only at data points, so that left limit is the value at the
 * last current point inside the interval (or at u_j when the interval holds no current point), i.e. a
 * point where scipy evaluates the difference too. Hence
 *   D = max_j max(|R_j - C(<= u_j)/m|, |R_j - C(< u_{j+1})/m|),
 * which needs only, per reference value, the number of current values equal to it and the number
 * strictly between it and the next reference value (plus those below u_1 / above u_k). This is the
 * exact statistic, evaluated with the same floating-point operations as scipy, and the p-value follows
 * from D, n and m exactly as in `ks2samp`.
 */
import { ksTwoSampleTwoSidedPValue } from './ks-pvalue';
import type { KsResult } from './ks';
import { countsTotal, notComputable, NotComputable, Sample, sortedCopy } from './types';

/** Distinct sorted reference values with their multiplicities. */
export interface KsReferenceSupport {
  readonly values: Float64Array;
  readonly counts: Float64Array;
  readonly size: number;
}

/**
 * Current-window counts relative to a reference support of k distinct values u_1 < ... < u_k.
 * `equal[j]` = #current == u_{j+1} (length k);
 * `between[0]` = #current < u_1, `between[j]` = #current in (u_j, u_{j+1}) for 1 <= j < k,
 * `between[k]` = #current > u_k (length k + 1).
 */
export interface KsCurrentCounts {
  readonly equal: ArrayLike<number>;
  readonly between: ArrayLike<number>;
}

export function ksReferenceSupport(reference: Sample): KsReferenceSupport {
  const sorted = sortedCopy(reference, 'reference');
  const values: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (values.length > 0 && values[values.length - 1] === v) counts[counts.length - 1]++;
    else {
      values.push(v);
      counts.push(1);
    }
  }
  return { values: Float64Array.from(values), counts: Float64Array.from(counts), size: sorted.length };
}

/** Buckets a current sample against a reference support (what the SQL aggregation computes). */
export function ksCurrentCounts(support: KsReferenceSupport, current: Sample): KsCurrentCounts {
  const k = support.values.length;
  const equal = new Float64Array(k);
  const between = new Float64Array(k + 1);
  for (const x of sortedCopy(current, 'current')) {
    // first index with values[idx] >= x
    let lo = 0;
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (support.values[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < k && support.values[lo] === x) equal[lo]++;
    else between[lo]++;
  }
  return { equal, between };
}

/** KS test from a reference support and current-window counts; same figures as `ks2samp`. */
export function ksFromCounts(
  support: KsReferenceSupport,
  current: KsCurrentCounts,
): KsResult | NotComputable {
  const k = support.values.length;
  if (current.equal.length !== k || current.between.length !== k + 1) {
    throw new RangeError(`expected ${k} 'equal' and ${k + 1} 'between' counts`);
  }
  const n1 = countsTotal(support.counts, 'support.counts');
  const n2 = countsTotal(current.equal, 'equal') + countsTotal(current.between, 'between');
  if (n1 === 0) return notComputable('empty-reference');
  if (n2 === 0) return notComputable('empty-current');
  let maxS = -Infinity;
  let minS = Infinity;
  const visit = (refCum: number, curCum: number): void => {
    const diff = refCum / n1 - curCum / n2;
    if (diff > maxS) maxS = diff;
    if (diff < minS) minS = diff;
  };
  let refCum = 0;
  let curCum = current.between[0];
  if (curCum > 0) visit(0, curCum); // last current point below u_1
  for (let j = 0; j < k; j++) {
    refCum += support.counts[j];
    curCum += current.equal[j];
    visit(refCum, curCum); // at u_j
    const gap = current.between[j + 1];
    if (gap > 0) {
      curCum += gap;
      visit(refCum, curCum); // last current point before u_{j+1}
    }
  }
  const minAbs = Math.min(Math.max(-minS, 0), 1);
  const useMin = minAbs > maxS;
  const p = ksTwoSampleTwoSidedPValue(useMin ? minAbs : maxS, n1, n2);
  return {
    computable: true,
    statistic: p.statistic,
    pValue: p.pValue,
    method: p.method,
    statisticSign: useMin ? -1 : 1,
    referenceSize: n1,
    currentSize: n2,
  };
}
