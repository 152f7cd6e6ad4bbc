import { DriftOverride } from '../../../model-registry/manifest';
import { selectDefaultTest } from '../stats';
import { FeatureKind } from '../monitored-features';

/** The tests a feature can be judged by: Evidently's defaults plus PSI. */
export const MONITOR_TESTS = ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] as const;
export type MonitorTest = (typeof MONITOR_TESTS)[number];

const P_VALUE_TESTS: readonly MonitorTest[] = ['ks', 'chisquare', 'z'];
const NUMERIC_ONLY: readonly MonitorTest[] = ['ks', 'wasserstein'];

export interface TestChoice {
  test: MonitorTest;
  /** How the values enter the test: chi-square and Z on a numeric feature take values as categories. */
  treatAs: FeatureKind;
  threshold: number;
  /** 'p-value': drift when score < threshold; 'distance': drift when score >= threshold. */
  scoreKind: 'p-value' | 'distance';
  source: 'default' | 'manifest';
}

function isTest(name: unknown): name is MonitorTest {
  return typeof name === 'string' && (MONITOR_TESTS as readonly string[]).includes(name);
}

/**
 * Evidently's default for the column type, reference size and distinct values (selectDefaultTest),
 * unless the manifest's `drift.features[name]` names a test and/or a threshold. An unusable override
 * throws, so that feature reports the reason and the others are still judged.
 */
export function chooseTest(
  kind: FeatureKind,
  referenceSize: number,
  distinctValues: number,
  override?: DriftOverride,
): TestChoice {
  const base = selectDefaultTest(kind, referenceSize, distinctValues);
  let choice: TestChoice = {
    test: base.test,
    treatAs: base.treatAs,
    threshold: base.threshold,
    scoreKind: base.scoreKind,
    source: 'default',
  };
  if (!override) return choice;
  if (override.test !== undefined) {
    if (!isTest(override.test)) {
      throw new Error(
        `manifest drift test "${String(override.test)}" is not one of ${MONITOR_TESTS.join(', ')}`,
      );
    }
    if (kind === 'categorical' && NUMERIC_ONLY.includes(override.test)) {
      throw new Error(`manifest drift test "${override.test}" needs a numeric feature`);
    }
    const pValue = P_VALUE_TESTS.includes(override.test);
    choice = {
      test: override.test,
      treatAs: override.test === 'chisquare' || override.test === 'z' ? 'categorical' : kind,
      threshold: pValue ? 0.05 : 0.1,
      scoreKind: pValue ? 'p-value' : 'distance',
      source: 'manifest',
    };
  }
  if (override.threshold !== undefined) {
    const t = override.threshold;
    const ok =
      typeof t === 'number' && Number.isFinite(t) && t > 0 && (choice.scoreKind === 'distance' || t < 1);
    if (!ok)
      throw new Error(`manifest drift threshold ${String(t)} does not suit a ${choice.scoreKind} test`);
    choice = { ...choice, threshold: t, source: 'manifest' };
  }
  return choice;
}

export function isPValueTest(test: MonitorTest): boolean {
  return P_VALUE_TESTS.includes(test);
}
