/**
 * Jensen-Shannon distance, equal to `scipy.spatial.distance.jensenshannon(p, q, base)`:
 *   p, q normalised to sum 1, m = (p + q) / 2,
 *   JS = sqrt((KL(p || m) + KL(q || m)) / 2)       (natural log by default; / ln(base) inside the root)
 * with 0 * ln(0 / x) = 0, so no epsilon is needed (Evidently also uses no fill for this test).
 * The distance lies in [0, sqrt(ln 2)] for natural logs and [0, 1] for base 2.
 * Numeric features use the same reference-quantile bins as PSI, categorical features the union of
 * categories. Drift convention (Evidently): distance >= threshold means drift; Evidently's default
 * test uses base 2 with threshold 0.1 (see select-test.ts).
 */
import { DEFAULT_BINS, binCounts, NumericBinningOptions, quantileBinEdges } from './binning';
import { alignCategoryCounts, CategoryCounts } from './categories';
import { CompensatedSum } from './float-utils';
import { countsTotal, notComputable, NotComputable, Sample } from './types';

export interface JensenShannonOptions {
  /** Logarithm base; natural logarithm when omitted (scipy's default). */
  readonly base?: number;
}

export interface JensenShannonResult {
  readonly computable: true;
  readonly statistic: number;
}

/** `scipy.spatial.distance.jensenshannon(p, q, base)` for two non-negative vectors of equal length. */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>, base?: number): number {
  if (p.length !== q.length) throw new RangeError('p and q must have the same length');
  const sp = countsTotal(p, 'p');
  const sq = countsTotal(q, 'q');
  const left = new CompensatedSum();
  const right = new CompensatedSum();
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] / sp;
    const qi = q[i] / sq;
    const m = (pi + qi) / 2.0;
    if (pi > 0) left.add(pi * Math.log(pi / m)); // scipy.special.rel_entr
    if (qi > 0) right.add(qi * Math.log(qi / m));
  }
  let js = left.value() + right.value();
  if (base !== undefined) js /= Math.log(base);
  return Math.sqrt(js / 2.0);
}

/** Jensen-Shannon distance from aligned per-bin (or per-category) counts, e.g. aggregated by SQL. */
export function jensenShannonFromCounts(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  options: JensenShannonOptions = {},
): JensenShannonResult | NotComputable {
  if (countsTotal(referenceCounts, 'referenceCounts') === 0) return notComputable('empty-reference');
  if (countsTotal(currentCounts, 'currentCounts') === 0) return notComputable('empty-current');
  return { computable: true, statistic: jensenShannonDistance(referenceCounts, currentCounts, options.base) };
}

/** Jensen-Shannon distance of a numeric feature over reference-quantile bins. */
export function jensenShannonNumeric(
  reference: Sample,
  current: Sample,
  options: JensenShannonOptions & NumericBinningOptions = {},
): (JensenShannonResult & { readonly edges: Float64Array }) | NotComputable {
  if (reference.length === 0) return notComputable('empty-reference');
  if (current.length === 0) return notComputable('empty-current');
  const edges = quantileBinEdges(reference, options.bins ?? DEFAULT_BINS);
  const result = jensenShannonFromCounts(binCounts(reference, edges), binCounts(current, edges), options);
  return result.computable ? { ...result, edges } : result;
}

/** Jensen-Shannon distance of a categorical feature over the union of categories. */
export function jensenShannonCategorical(
  reference: CategoryCounts,
  current: CategoryCounts,
  options: JensenShannonOptions = {},
): (JensenShannonResult & { readonly categories: string[] }) | NotComputable {
  const aligned = alignCategoryCounts(reference, current);
  const result = jensenShannonFromCounts(aligned.reference, aligned.current, options);
  return result.computable ? { ...result, categories: aligned.categories } : result;
}
