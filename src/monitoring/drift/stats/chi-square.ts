/**
 * Pearson chi-square goodness-of-fit test for categorical features, as Evidently's `chisquare` stattest
 * defines it: `scipy.stats.chisquare(f_obs, f_exp)` over the union of reference and current categories,
 * with f_obs = current counts and f_exp = reference count * (current total / reference total), i.e. the
 * reference proportions scaled to the current total. Degrees of freedom = number of categories - 1.
 *
 * Categories unseen in the reference (current count > 0, reference count 0) are always listed in
 * `unseen`. How they enter the test is chosen by `options.unseen`:
 * - 'infinite' (default, = Evidently/scipy): they stay in the test with expected frequency 0, which makes
 *   the statistic +Infinity and the p-value 0, i.e. a category the reference never produced is
 *   certain drift.
 * - 'exclude': they are removed from the current window before testing; the expected frequencies are
 *   scaled to the remaining current total (so observed and expected still sum to the same value, as
 *   scipy requires). The test then only asks whether the known categories kept their proportions.
 *   If nothing remains the result is not computable ('no-overlap').
 *
 * Deviation from scipy: with a single category overall (df = 0) scipy returns p = NaN; here the result
 * is statistic 0, p-value 1 (nothing can have drifted).
 */
import { alignCategoryCounts, CategoryCounts } from './categories';
import { CompensatedSum } from './float-utils';
import { chi2Sf } from './special-functions';
import { notComputable, NotComputable } from './types';

export interface ChiSquareOptions {
  readonly unseen?: 'infinite' | 'exclude';
}

export interface ChiSquareResult {
  readonly computable: true;
  readonly statistic: number;
  readonly pValue: number;
  readonly degreesOfFreedom: number;
  /** Categories that entered the test, in code-point order. */
  readonly categories: string[];
  /** Categories present in the current window but absent from the reference. */
  readonly unseen: string[];
  /** Number of current values in unseen categories. */
  readonly unseenCount: number;
}

export function chiSquareTest(
  reference: CategoryCounts,
  current: CategoryCounts,
  options: ChiSquareOptions = {},
): ChiSquareResult | NotComputable {
  const aligned = alignCategoryCounts(reference, current);
  if (aligned.referenceTotal === 0) return notComputable('empty-reference');
  if (aligned.currentTotal === 0) return notComputable('empty-current');
  const policy = options.unseen ?? 'infinite';
  const unseen: string[] = [];
  let unseenCount = 0;
  aligned.categories.forEach((c, i) => {
    if (aligned.reference[i] === 0) {
      unseen.push(c);
      unseenCount += aligned.current[i];
    }
  });
  const keep = aligned.categories.map((_, i) => policy === 'infinite' || aligned.reference[i] > 0);
  const currentTotal = policy === 'infinite' ? aligned.currentTotal : aligned.currentTotal - unseenCount;
  if (currentTotal === 0) return notComputable('no-overlap');
  const kNorm = currentTotal / aligned.referenceTotal;
  const categories: string[] = [];
  const stat = new CompensatedSum();
  aligned.categories.forEach((c, i) => {
    if (!keep[i]) return;
    categories.push(c);
    const expected = aligned.reference[i] * kNorm;
    const diff = aligned.current[i] - expected;
    stat.add((diff * diff) / expected); // +Infinity for an unseen category (expected 0)
  });
  const df = categories.length - 1;
  if (df === 0) {
    return {
      computable: true,
      statistic: 0,
      pValue: 1,
      degreesOfFreedom: 0,
      categories,
      unseen,
      unseenCount,
    };
  }
  const statistic = stat.value();
  return {
    computable: true,
    statistic,
    pValue: chi2Sf(statistic, df),
    degreesOfFreedom: df,
    categories,
    unseen,
    unseenCount,
  };
}
