/**
 * Population Stability Index:
 *   PSI = sum_i (r_i - c_i) * ln(r_i / c_i)
 * over bins i, with r_i / c_i the reference / current proportions (natural logarithm). Zero proportions
 * are replaced before taking logs (`fillZeroProportions`: Evidently's rule, 1e-4 by default).
 * Numeric features use reference-quantile bins (deciles by default, see binning.ts); categorical
 * features use the union of reference and current categories (unseen categories get the fill value on
 * the reference side, so they raise the PSI rather than making it infinite).
 * Drift convention (Evidently): PSI >= threshold (default 0.1) means drift.
 */
import {
  DEFAULT_BINS,
  binCounts,
  fillZeroProportions,
  NumericBinningOptions,
  proportions,
  quantileBinEdges,
} from './binning';
import { alignCategoryCounts, CategoryCounts } from './categories';
import { CompensatedSum } from './float-utils';
import { countsTotal, notComputable, NotComputable, Sample } from './types';

export interface PsiOptions {
  /** Constant replacing zero proportions; default: Evidently's rule (1e-4, or min/1e6 when min <= 1e-4). */
  readonly epsilon?: number;
}

export interface PsiResult {
  readonly computable: true;
  readonly statistic: number;
  /** Proportions per bin/category after the zero fill. */
  readonly referenceProportions: Float64Array;
  readonly currentProportions: Float64Array;
}

export interface NumericPsiResult extends PsiResult {
  /** Interior bin edges (outer edges are -Infinity / +Infinity). */
  readonly edges: Float64Array;
}

export interface CategoricalPsiResult extends PsiResult {
  readonly categories: string[];
}

/** PSI from aligned per-bin (or per-category) counts, e.g. aggregated by SQL. */
export function psiFromCounts(
  referenceCounts: ArrayLike<number>,
  currentCounts: ArrayLike<number>,
  options: PsiOptions = {},
): PsiResult | NotComputable {
  if (referenceCounts.length !== currentCounts.length) {
    throw new RangeError('reference and current counts must have the same length');
  }
  if (countsTotal(referenceCounts, 'referenceCounts') === 0) return notComputable('empty-reference');
  if (countsTotal(currentCounts, 'currentCounts') === 0) return notComputable('empty-current');
  const r = fillZeroProportions(proportions(referenceCounts, 'referenceCounts'), options.epsilon);
  const c = fillZeroProportions(proportions(currentCounts, 'currentCounts'), options.epsilon);
  const sum = new CompensatedSum();
  for (let i = 0; i < r.length; i++) sum.add((r[i] - c[i]) * Math.log(r[i] / c[i]));
  return { computable: true, statistic: sum.value(), referenceProportions: r, currentProportions: c };
}

/** PSI of a numeric feature over reference-quantile bins. */
export function psiNumeric(
  reference: Sample,
  current: Sample,
  options: PsiOptions & NumericBinningOptions = {},
): NumericPsiResult | NotComputable {
  if (reference.length === 0) return notComputable('empty-reference');
  if (current.length === 0) return notComputable('empty-current');
  const edges = quantileBinEdges(reference, options.bins ?? DEFAULT_BINS);
  const result = psiFromCounts(binCounts(reference, edges), binCounts(current, edges), options);
  return result.computable ? { ...result, edges } : result;
}

/** PSI of a categorical feature over the union of categories. */
export function psiCategorical(
  reference: CategoryCounts,
  current: CategoryCounts,
  options: PsiOptions = {},
): CategoricalPsiResult | NotComputable {
  const aligned = alignCategoryCounts(reference, current);
  const result = psiFromCounts(aligned.reference, aligned.current, options);
  return result.computable ? { ...result, categories: aligned.categories } : result;
}
