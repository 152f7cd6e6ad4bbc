/**
 * First Wasserstein (earth mover's) distance between two empirical distributions, equal to
 * `scipy.stats.wasserstein_distance(ref, cur)`:
 *   W1 = integral |F_ref(x) - F_cur(x)| dx = sum over consecutive pooled values of |F_ref - F_cur| * gap.
 * The normed variant is Evidently's `wasserstein` stattest: W1 / max(std(ref), 0.001), where std is the
 * population standard deviation (numpy `np.std`, ddof = 0). A constant reference (std 0) is therefore
 * normed by 0.001 (`stdClamped: true`), as in Evidently. Drift convention: normed W1 >= threshold
 * (default 0.1) means drift.
 */
import { CompensatedSum } from './float-utils';
import { notComputable, NotComputable, Sample, sortedCopy } from './types';

/** Evidently's floor for the normalising standard deviation. */
export const WASSERSTEIN_MIN_STD = 0.001;

function distanceSorted(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  const sum = new CompensatedSum();
  let iu = 0;
  let iv = 0;
  // walk the merged order; between consecutive pooled values both ECDFs are constant
  let prev = Math.min(u[0], v[0]);
  while (iu < n || iv < m) {
    const x = iv >= m || (iu < n && u[iu] <= v[iv]) ? u[iu] : v[iv];
    if (x > prev) sum.add(Math.abs(iu / n - iv / m) * (x - prev));
    while (iu < n && u[iu] === x) iu++;
    while (iv < m && v[iv] === x) iv++;
    prev = x;
  }
  return sum.value();
}

/** `scipy.stats.wasserstein_distance(u, v)`; throws on empty input (use `wasserstein` for a guarded result). */
export function wassersteinDistance(u: Sample, v: Sample): number {
  if (u.length === 0 || v.length === 0) throw new RangeError('wasserstein distance needs non-empty samples');
  return distanceSorted(sortedCopy(u, 'u'), sortedCopy(v, 'v'));
}

/** Population standard deviation (ddof = 0), two-pass like numpy. */
export function populationStd(sample: Sample): number {
  const n = sample.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sample[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sample[i] - mean) ** 2;
  return Math.sqrt(ss / n);
}

export interface WassersteinResult {
  readonly computable: true;
  /** Raw W1 distance, in the feature's units. */
  readonly distance: number;
  /** distance / max(referenceStd, 0.001): the figure compared with the 0.1 threshold. */
  readonly statistic: number;
  /** Population standard deviation (ddof = 0) of the reference. */
  readonly referenceStd: number;
  /** True when referenceStd < 0.001 and the floor was used as the divisor. */
  readonly stdClamped: boolean;
}

/** Wasserstein distance and its Evidently-normed version for a numeric feature. */
export function wasserstein(reference: Sample, current: Sample): WassersteinResult | NotComputable {
  if (reference.length === 0) return notComputable('empty-reference');
  if (current.length === 0) return notComputable('empty-current');
  const ref = sortedCopy(reference, 'reference');
  const distance = distanceSorted(ref, sortedCopy(current, 'current'));
  const referenceStd = populationStd(ref);
  const norm = Math.max(referenceStd, WASSERSTEIN_MIN_STD);
  return {
    computable: true,
    distance,
    statistic: distance / norm,
    referenceStd,
    stdClamped: referenceStd < WASSERSTEIN_MIN_STD,
  };
}
