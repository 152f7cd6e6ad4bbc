import {
  DataQuality,
  DriftChart,
  FeatureDrift,
  FeatureStatistics,
  FeatureVerdict,
} from '../report/drift-report.types';
import { MonitoredFeature } from '../monitored-features';
import { TestChoice } from './test-choice';

/** What a feature's analysis yields before the dataset-level correction decides verdicts. */
export interface FeatureOutcome {
  feature: MonitoredFeature;
  choice: TestChoice | null;
  score: number | null;
  referenceSize: number;
  currentSize: number;
  statistics: FeatureStatistics;
  unseen?: { category: string; count: number }[];
  dataQuality: DataQuality;
  chart: DriftChart | null;
  error?: string;
  /** Fewest values in the window for a verdict (DRIFT_MIN_SAMPLE or the manifest's minSample). */
  minSample?: number;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Proportions of counts (zeros when there is nothing to divide). */
export function proportionsOf(counts: ArrayLike<number>): number[] {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  return Array.from(counts, (c) => (total > 0 ? c / total : 0));
}

/** A failed or impossible analysis still reports what is known about the feature. */
export function failedOutcome(
  feature: MonitoredFeature,
  error: string,
  sizes: { reference?: number; current?: number; missing?: number } = {},
): FeatureOutcome {
  const current = sizes.current ?? 0;
  return {
    feature,
    choice: null,
    score: null,
    referenceSize: sizes.reference ?? 0,
    currentSize: current,
    statistics: {},
    dataQuality: {
      missing: sizes.missing ?? 0,
      missing_share: share(sizes.missing ?? 0, current + (sizes.missing ?? 0)),
    },
    chart: null,
    error,
  };
}

/** Whether the window holds too few values for this feature's verdict to mean anything. */
export function insufficient(o: FeatureOutcome): boolean {
  return o.error === undefined && o.minSample !== undefined && o.currentSize < o.minSample;
}

function verdictOf(o: FeatureOutcome, detected: boolean | null): FeatureVerdict {
  if (detected !== null) return detected ? 'drift' : 'no_drift';
  return insufficient(o) ? 'insufficient_data' : 'error';
}

export function toFeatureDrift(
  o: FeatureOutcome,
  detected: boolean | null,
  adjusted?: number | null,
): FeatureDrift {
  const result: FeatureDrift = {
    name: o.feature.name,
    kind: o.feature.kind,
    test: o.choice?.test ?? null,
    test_source: o.choice?.source ?? null,
    score: o.score,
    threshold: o.choice?.threshold ?? null,
    score_kind: o.choice?.scoreKind ?? null,
    drift_detected: detected,
    verdict: verdictOf(o, detected),
    reference_size: o.referenceSize,
    current_size: o.currentSize,
    min_sample: o.minSample ?? null,
    statistics: o.statistics,
    data_quality: o.dataQuality,
    chart: o.chart,
  };
  if (adjusted !== undefined) result.adjusted_score = adjusted;
  if (o.unseen) result.unseen_categories = o.unseen;
  if (o.error) result.error = o.error;
  return result;
}
