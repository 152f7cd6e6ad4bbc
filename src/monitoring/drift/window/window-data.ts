/** What the SQL aggregation of the current window yields per feature (see window-aggregator.ts). */

export interface NumericWindow {
  kind: 'numeric';
  /** Non-missing values in the window. */
  total: number;
  missing: number;
  /** Per bucket b = 0..thresholds.length: count and sum of the values in it. */
  n: Float64Array;
  s: Float64Array;
  /**
   * Exact ∫|F_ref − F_cur| over a bucket in which the current ECDF crosses the reference one and
   * which holds two values or more (the second pass sorts them).
   */
  crossings: Map<number, number>;
  /** Values off the reference support with their counts (listed for few-valued features only). */
  offSupport?: ValueCounts;
}

export interface CategoricalWindow {
  kind: 'categorical';
  total: number;
  missing: number;
  /** Count per `plan.known` category. */
  counts: Float64Array;
  /** Values in neither the reference nor the manifest. */
  unseenTotal: number;
  unseen: ValueCounts;
}

export type FeatureWindow = NumericWindow | CategoricalWindow;

/** Distinct values with their counts, largest first; `truncated` when only the most frequent were fetched. */
export interface ValueCounts {
  values: string[];
  counts: number[];
  truncated: boolean;
}

export function emptyNumericWindow(buckets: number): NumericWindow {
  return {
    kind: 'numeric',
    total: 0,
    missing: 0,
    n: new Float64Array(buckets),
    s: new Float64Array(buckets),
    crossings: new Map(),
  };
}

export function emptyCategoricalWindow(known: number): CategoricalWindow {
  return {
    kind: 'categorical',
    total: 0,
    missing: 0,
    counts: new Float64Array(known),
    unseenTotal: 0,
    unseen: { values: [], counts: [], truncated: false },
  };
}
