/**
 * Default drift test per feature, following Evidently's `_get_default_stattest`:
 *
 * | reference size | feature kind | distinct values | test                       | threshold | drift when        |
 * |----------------|--------------|-----------------|----------------------------|-----------|-------------------|
 * | <= 1000        | numeric      | > 5             | two-sample KS              | 0.05      | p-value < 0.05    |
 * | <= 1000        | numeric      | 3..5            | chi-square                 | 0.05      | p-value < 0.05    |
 * | <= 1000        | numeric      | <= 2            | two-proportion Z-test      | 0.05      | p-value < 0.05    |
 * | <= 1000        | categorical  | > 2             | chi-square                 | 0.05      | p-value < 0.05    |
 * | <= 1000        | categorical  | <= 2            | two-proportion Z-test      | 0.05      | p-value < 0.05    |
 * | > 1000         | numeric      | > 5             | Wasserstein (normed)       | 0.1       | distance >= 0.1   |
 * | > 1000         | numeric      | <= 5            | Jensen-Shannon (base 2)    | 0.1       | distance >= 0.1   |
 * | > 1000         | categorical  | any             | Jensen-Shannon (base 2)    | 0.1       | distance >= 0.1   |
 *
 * `distinctValues` is what Evidently counts: the number of distinct non-null values in reference and
 * current together. Numeric features with few distinct values are treated as categorical (their values
 * are the categories). Evidently's Jensen-Shannon stattest uses base-2 logarithms, so the chosen test
 * carries `base: 2`; the threshold 0.1 only has its Evidently meaning with that base.
 * Direction: p-value tests flag drift when p < threshold (strictly); distance tests when
 * distance >= threshold.
 */

export type FeatureKind = 'numeric' | 'categorical';

export type DriftTestName = 'ks' | 'chisquare' | 'z' | 'wasserstein' | 'jensenshannon';

export interface DriftTestChoice {
  readonly test: DriftTestName;
  /** How the features' values are handled by the test. */
  readonly treatAs: FeatureKind;
  readonly threshold: number;
  /** 'p-value': drift when score < threshold; 'distance': drift when score >= threshold. */
  readonly scoreKind: 'p-value' | 'distance';
  /** Logarithm base for Jensen-Shannon (Evidently uses 2). */
  readonly base?: number;
}

/** Reference sizes up to this use hypothesis tests; larger ones use distances (Evidently). */
export const SMALL_REFERENCE_MAX = 1000;

const P_VALUE_THRESHOLD = 0.05;
const DISTANCE_THRESHOLD = 0.1;

function pTest(test: DriftTestName, treatAs: FeatureKind): DriftTestChoice {
  return { test, treatAs, threshold: P_VALUE_THRESHOLD, scoreKind: 'p-value' };
}

function distanceTest(test: DriftTestName, treatAs: FeatureKind): DriftTestChoice {
  const choice = { test, treatAs, threshold: DISTANCE_THRESHOLD, scoreKind: 'distance' } as const;
  return test === 'jensenshannon' ? { ...choice, base: 2 } : choice;
}

export function selectDefaultTest(
  kind: FeatureKind,
  referenceSize: number,
  distinctValues: number,
): DriftTestChoice {
  if (!(referenceSize >= 0) || !(distinctValues >= 0)) {
    throw new RangeError('referenceSize and distinctValues must be non-negative numbers');
  }
  const manyValues = kind === 'numeric' && distinctValues > 5;
  if (referenceSize <= SMALL_REFERENCE_MAX) {
    if (manyValues) return pTest('ks', 'numeric');
    return distinctValues > 2 ? pTest('chisquare', 'categorical') : pTest('z', 'categorical');
  }
  if (manyValues) return distanceTest('wasserstein', 'numeric');
  return distanceTest('jensenshannon', 'categorical');
}

/** Applies a choice's threshold and direction to a score (p-value or distance). */
export function isDrift(choice: Pick<DriftTestChoice, 'threshold' | 'scoreKind'>, score: number): boolean {
  return choice.scoreKind === 'p-value' ? score < choice.threshold : score >= choice.threshold;
}
