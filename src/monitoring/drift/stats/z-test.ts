/**
 * Two-proportion Z-test for binary categorical features, as Evidently's `z` stattest computes it.
 *
 * The union of categories is sorted (code-point order, like Python's `sorted`); the first category is
 * coded 0 and every other category 1. With p1, p2 the proportions of 1s in reference and current,
 * P = (p1*n1 + p2*n2) / (n1 + n2) the pooled proportion:
 *   z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)),   p-value = 2 * (1 - Phi(|z|))  (two-sided).
 * The p-value is computed literally as Evidently does (1 - Phi, not the normal survival function), so
 * it bottoms out at 0 for |z| > ~8.3.
 * When both windows contain one and the same single category the p-value is 1 and z is 0 (Evidently).
 * Meant for two categories; with more, it tests "first category vs the rest" exactly like Evidently.
 */
import { alignCategoryCounts, CategoryCounts } from './categories';
import { ndtr } from './special-functions';
import { notComputable, NotComputable } from './types';

export interface ZTestResult {
  readonly computable: true;
  /** The z statistic (positive when the reference has the larger share of non-first categories). */
  readonly statistic: number;
  readonly pValue: number;
  /** The category coded 0 (first in code-point order). */
  readonly baseCategory: string;
  readonly categories: string[];
}

export function zTest(reference: CategoryCounts, current: CategoryCounts): ZTestResult | NotComputable {
  const aligned = alignCategoryCounts(reference, current);
  const n1 = aligned.referenceTotal;
  const n2 = aligned.currentTotal;
  if (n1 === 0) return notComputable('empty-reference');
  if (n2 === 0) return notComputable('empty-current');
  const categories = aligned.categories;
  if (categories.length === 1) {
    return { computable: true, statistic: 0, pValue: 1, baseCategory: categories[0], categories };
  }
  const p1 = (n1 - aligned.reference[0]) / n1;
  const p2 = (n2 - aligned.current[0]) / n2;
  const P = (p1 * n1 + p2 * n2) / (n1 + n2);
  const z = (p1 - p2) / Math.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2));
  return {
    computable: true,
    statistic: z,
    pValue: 2 * (1 - ndtr(Math.abs(z))),
    baseCategory: categories[0],
    categories,
  };
}
