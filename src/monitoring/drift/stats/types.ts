/**
 * Shared types and small helpers of the drift statistics library.
 *
 * The library is pure: no Nest, no database, no I/O. Numeric samples are accepted as
 * `number[]` or `Float64Array` (anything array-like), categorical data as counts per category.
 */

/** A numeric sample: `number[]`, `Float64Array` or any other array-like of numbers. */
export type Sample = ArrayLike<number>;

/** Why a statistic could not be computed. */
export type NotComputableReason =
  /** The reference window holds no values. */
  | 'empty-reference'
  /** The current window holds no values. */
  | 'empty-current'
  /** chi-square with `unseen: 'exclude'`: every current value belongs to a category unseen in the reference. */
  | 'no-overlap';

/**
 * Returned instead of a result when a statistic cannot be computed (for example an empty current window).
 * Callers must check `computable` before reading figures; nothing is NaN and nothing throws for these cases.
 */
export interface NotComputable {
  readonly computable: false;
  readonly reason: NotComputableReason;
}

export function notComputable(reason: NotComputableReason): NotComputable {
  return { computable: false, reason };
}

/**
 * Copies a sample into a new ascending `Float64Array`.
 * Throws a `RangeError` for NaN or infinite values: callers drop nulls/NaN before testing (as Evidently does).
 */
export function sortedCopy(sample: Sample, label: string): Float64Array {
  const out = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i];
    if (!Number.isFinite(v)) {
      throw new RangeError(
        `${label}[${i}] is not a finite number (${v}); drop null/NaN/Infinity values first`,
      );
    }
    out[i] = v;
  }
  return out.sort();
}

/** Validates a vector of non-negative finite counts and returns its total. */
export function countsTotal(counts: ArrayLike<number>, label: string): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!Number.isFinite(c) || c < 0) {
      throw new RangeError(`${label}[${i}] must be a finite non-negative count, got ${c}`);
    }
    total += c;
  }
  return total;
}
