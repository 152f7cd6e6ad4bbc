/**
 * A drift report as stored (jsonb) and served: one document per run, snake_case like the rest of
 * the API. Infinite statistics (chi-square with a category the reference never had) are null.
 */
import { MonitorTest } from '../analysis/test-choice';
import { FeatureKind } from '../monitored-features';

export interface FeatureStatistics {
  ks?: { statistic: number; p_value: number; method: 'exact' | 'asymp' };
  /** Natural log, reference-decile bins (numeric) or categories; Evidently's zero fill. */
  psi?: number;
  /** Base 2, same bins as PSI. */
  jensen_shannon?: number;
  wasserstein?: { distance: number; normed: number; reference_std: number };
  chi_square?: { statistic: number | null; p_value: number; degrees_of_freedom: number };
  z?: { statistic: number; p_value: number };
}

export interface DataQuality {
  /** Rows in the window without a value for the feature. */
  missing: number;
  missing_share: number | null;
  /** Values outside the manifest's min/max (numeric), of the values present. */
  out_of_range?: number;
  out_of_range_share?: number | null;
  /** Values the reference never had (categorical), of the values present. */
  unseen_category?: number;
  unseen_category_share?: number | null;
}

export interface DriftChart {
  labels: string[];
  /** Proportions per bar (each side sums to 1). */
  reference: number[];
  current: number[];
}

/**
 * `insufficient_data`: the window held fewer values than the feature's minimum sample, so no
 * verdict is drawn (the statistics are still reported); `error`: the feature could not be analysed.
 */
export type FeatureVerdict = 'drift' | 'no_drift' | 'insufficient_data' | 'error';

export interface FeatureDrift {
  name: string;
  kind: FeatureKind;
  test: MonitorTest | null;
  test_source: 'default' | 'manifest' | null;
  /** p-value or distance, as the test defines it. */
  score: number | null;
  /** The p-value after the multiple-testing correction (p-value tests, when one is configured). */
  adjusted_score?: number | null;
  threshold: number | null;
  score_kind: 'p-value' | 'distance' | null;
  /** Null unless the verdict is drift or no_drift. */
  drift_detected: boolean | null;
  verdict: FeatureVerdict;
  reference_size: number;
  current_size: number;
  /** Fewest values in the window for a verdict; null when the feature could not be analysed. */
  min_sample: number | null;
  statistics: FeatureStatistics;
  unseen_categories?: { category: string; count: number }[];
  data_quality: DataQuality;
  chart: DriftChart | null;
  /** Why no verdict: an empty window, a failed query or an unusable override. */
  error?: string;
}

export interface DriftReport {
  id: string;
  model: { name: string; version: string };
  trigger: 'manual' | 'schedule';
  status: 'running' | 'completed' | 'failed';
  window: { from: string; to: string };
  reference: {
    source: 'file' | 'window';
    rows: number;
    source_rows: number;
    created_at: string;
    window?: { from: string; to: string };
  } | null;
  sample_sizes: { reference: number; current: number };
  dataset: {
    /** insufficient_data when no feature had enough values to be tested. */
    verdict: 'drift' | 'no_drift' | 'insufficient_data';
    drift_share: number | null;
    drift_detected: boolean;
    share_threshold: number;
    drifted_features: string[];
    /** Features that had enough values to be judged, out of `monitored_features`. */
    tested_features: number;
    monitored_features: number;
    insufficient_data_features: string[];
    correction: 'none' | 'bonferroni' | 'bh';
  };
  features: FeatureDrift[];
  prediction: (FeatureDrift & { label_shares?: { label: string; share: number }[] }) | null;
  skipped_features: { name: string; reason: string }[];
  created_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  /** Where the time went in Postgres: the bucket pass and the exact second pass (0 when not needed). */
  timings_ms?: { buckets: number; crossings: number };
  error: string | null;
}
