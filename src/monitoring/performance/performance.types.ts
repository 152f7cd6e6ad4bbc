import { Task } from '../../model-registry/manifest';

/** One model version over one window of prediction time. */
export interface PerformanceScope {
  modelName: string;
  modelVersion: string;
  start: Date;
  end: Date;
}

/** What every report carries whatever the task. */
export interface LabelSummary {
  /** Successful predictions in the window. */
  predictions: number;
  /** Those of them with feedback. */
  labelled: number;
  medianDelaySeconds: number | null;
}

/** Classification figures as SQL returns them: counts and sums, never rows. */
export interface ClassificationAggregates extends LabelSummary {
  confusion: { actual: string; predicted: string; count: number }[];
  /** Sum of -ln p(actual) over `n` rows that had probabilities (clipped and renormalised). */
  logLoss: { sum: number; n: number };
  /** Mann-Whitney count: sum over positives of (negatives scored lower + half the ties), doubled. */
  auc: { twiceConcordant: number; positives: number; negatives: number; scored: number };
}

export interface RegressionAggregates extends LabelSummary {
  sumAbsError: number;
  sumSquaredError: number;
  /** Sum of squared deviations of the actuals from their mean. */
  totalSumOfSquares: number;
  mapeSum: number;
  mapeCount: number;
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationMetrics {
  accuracy: number | null;
  precision_macro: number | null;
  recall_macro: number | null;
  f1_macro: number | null;
  log_loss: number | null;
  roc_auc: number | null;
  /** The class whose probability is the ROC score (the manifest's second label), binary models only. */
  roc_auc_positive_label: string | null;
  per_class: ClassMetrics[];
  /** Rows are actual classes, columns predicted classes, both in `labels` order (as scikit-learn). */
  confusion_matrix: { labels: string[]; matrix: number[][] };
}

export interface RegressionMetrics {
  mae: number | null;
  rmse: number | null;
  /** A fraction (0.1 = 10%), over the labelled rows whose actual is not zero. */
  mape: number | null;
  mape_skipped_zero_actuals: number;
  r2: number | null;
}

export interface PerformanceReport {
  modelName: string;
  modelVersion: string;
  task: Task;
  window: string;
  windowStart: Date;
  windowEnd: Date;
  /** `insufficient_data`: fewer labelled predictions than `minSample` (PERFORMANCE_MIN_SAMPLE). */
  status: 'ok' | 'insufficient_data';
  minSample: number;
  predictions: number;
  labelled: number;
  labelCoverage: number | null;
  medianLabelDelaySeconds: number | null;
  metrics: ClassificationMetrics | RegressionMetrics;
}

/** The figures exported as `sightline_model_performance{metric=...}` (docs/metrics.md). */
export const GAUGE_METRICS = [
  'accuracy',
  'f1_macro',
  'precision_macro',
  'recall_macro',
  'log_loss',
  'roc_auc',
  'mae',
  'rmse',
  'mape',
  'r2',
] as const;
