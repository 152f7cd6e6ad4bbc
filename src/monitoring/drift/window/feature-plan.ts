import { compareCodePoints } from '../stats/categories';
import { MonitoredFeature } from '../monitored-features';
import { CategoricalProfile, FeatureProfile, NumericProfile } from '../reference/profile.types';

/**
 * How one feature is aggregated in SQL. A numeric value is bucketed with `width_bucket` against
 * `thresholds`: every reference value u and its successor u⁺ (the next double), every bin edge's
 * successor and the manifest range. Bucket b is [T_b, T_b+1), so [u, u⁺) holds exactly the values
 * equal to u, and every count the statistics need (KS per reference value and gap, PSI bins,
 * out-of-range) is a sum of whole buckets. The reference ECDF is constant inside each bucket.
 */
export interface NumericPlan {
  kind: 'numeric';
  /** Position in the run's query (part of the aggregation key). */
  index: number;
  feature: MonitoredFeature;
  profile: NumericProfile;
  /** Ascending, distinct; width_bucket's 1-based positions index it as T_1..T_n. */
  thresholds: Float64Array;
  /**
   * The window's distinct values are listed too (up to a limit per bucket): a few-valued feature is
   * tested with its values as categories, and Evidently's choice counts them.
   */
  listValues: boolean;
}

/** A categorical value is coded by its position in `known` (0 = unseen, -1 = missing). */
export interface CategoricalPlan {
  kind: 'categorical';
  index: number;
  feature: MonitoredFeature;
  profile: CategoricalProfile;
  /** Reference categories and the manifest's, in code-point order. */
  known: string[];
}

export type FeaturePlan = NumericPlan | CategoricalPlan;

const view = new DataView(new ArrayBuffer(8));

/** The smallest double greater than x (Math.nextUp). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

function numericThresholds(profile: NumericProfile, feature: MonitoredFeature): Float64Array {
  const t: number[] = [];
  for (const u of profile.values) t.push(u, nextUp(u));
  // PSI bins are right-closed, (e_i, e_i+1], i.e. [e_i⁺, e_i+1⁺)
  for (const e of profile.binEdges) t.push(nextUp(e));
  if (feature.min !== undefined) t.push(feature.min);
  if (feature.max !== undefined) t.push(nextUp(feature.max));
  const sorted = Float64Array.from(t).sort();
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

export function planFeature(index: number, feature: MonitoredFeature, profile: FeatureProfile): FeaturePlan {
  if (profile.kind !== feature.kind) {
    throw new Error(`the reference holds ${profile.kind} values but the manifest says ${feature.kind}`);
  }
  if (profile.count === 0) throw new Error('the reference holds no values for this feature');
  if (profile.kind === 'numeric') {
    const test = feature.override?.test;
    const listValues = profile.values.length <= 5 || test === 'chisquare' || test === 'z';
    return {
      kind: 'numeric',
      index,
      feature,
      profile,
      thresholds: numericThresholds(profile, feature),
      listValues,
    };
  }
  const known = [...new Set([...profile.categories.map(([c]) => c), ...feature.categories])].sort(
    compareCodePoints,
  );
  return { kind: 'categorical', index, feature, profile, known };
}

/** 1-based position of a value in the thresholds (it must be one of them). */
export function thresholdPosition(thresholds: Float64Array, value: number): number {
  let lo = 0;
  let hi = thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (thresholds[lo] !== value) throw new Error(`${value} is not a bucket threshold`);
  return lo + 1;
}
