import { classificationMetrics } from '../../classification-metrics';
import { ClassificationAggregates } from '../../performance.types';
import { Calibrator, fitCalibrator } from './calibration';
import { ESTIMATED_METRICS, EstimatedMetric, MetricValues } from './expected-confusion';
import { mannWhitney } from './roc';
import { SamplingComponents, samplingComponents } from './sampling-error';

/** A labelled reference as CBPE learns from it: class indices into `labels`, and the model's probabilities. */
export interface LabelledReference {
  labels: string[];
  actual: number[];
  predicted: number[];
  /** One row per reference row, one column per label. */
  probabilities: number[][];
}

export interface Threshold {
  lower: number | null;
  upper: number | null;
}

/** What CBPE keeps from the reference (stored as jsonb): calibration, error components, alert bands. */
export interface CbpeModel {
  labels: string[];
  /** Binary: one calibrator, for the manifest's second label; otherwise one per label. */
  calibrators: Calibrator[];
  components: SamplingComponents;
  /** Realized figure per reference chunk: mean ± 3 standard deviations, within [0, 1] (NannyML). */
  thresholds: Record<EstimatedMetric, Threshold>;
  referenceRows: number;
  chunks: { rows: number; metrics: MetricValues }[];
}

export const DEFAULT_REFERENCE_CHUNKS = 10;
const STD_MULTIPLIER = 3;

/** NannyML's count-based chunks: `count` runs of ⌊n / count⌋ rows, the remainder added to the last. */
export function chunkBounds(n: number, count: number): [number, number][] {
  const size = Math.floor(n / count);
  if (size === 0) return [[0, n]];
  return Array.from({ length: count }, (_, i) => [i * size, i === count - 1 ? n : (i + 1) * size]);
}

/** The realized figures of labelled rows, defined exactly as the performance API defines them. */
export function realizedMetrics(
  labels: string[],
  actual: number[],
  predicted: number[],
  positive: number[] | null,
): MetricValues {
  const counts = new Map<string, number>();
  actual.forEach((a, i) => {
    const key = `${a}\u0000${predicted[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const confusion = [...counts].map(([key, count]) => {
    const [a, p] = key.split('\u0000').map(Number);
    return { actual: labels[a], predicted: labels[p], count };
  });
  const mw = positive
    ? mannWhitney(
        actual.map((a) => (a === 1 ? 1 : 0)),
        positive,
      )
    : { twiceConcordant: 0, positives: 0, negatives: 0 };
  const agg: ClassificationAggregates = {
    predictions: actual.length,
    labelled: actual.length,
    medianDelaySeconds: null,
    confusion,
    logLoss: { sum: 0, n: 0 },
    auc: { ...mw, scored: positive ? actual.length : 0 },
  };
  const m = classificationMetrics(labels, agg);
  return {
    accuracy: m.accuracy,
    precision_macro: m.precision_macro,
    recall_macro: m.recall_macro,
    f1_macro: m.f1_macro,
    roc_auc: m.roc_auc,
  };
}

function threshold(values: (number | null)[]): Threshold {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return { lower: null, upper: null };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = Math.sqrt(xs.reduce((a, b) => a + (b - mean) * (b - mean), 0) / xs.length);
  // NannyML replaces a threshold beyond the metric's range by the range's end
  const lower = mean - STD_MULTIPLIER * std;
  const upper = mean + STD_MULTIPLIER * std;
  return { lower: lower <= 0 ? 0 : lower, upper: upper >= 1 ? 1 : upper };
}

/** Fits CBPE on a labelled reference: calibrators, sampling-error components and alert thresholds. */
export function fitCbpe(ref: LabelledReference, chunkCount = DEFAULT_REFERENCE_CHUNKS): CbpeModel {
  const k = ref.labels.length;
  const binary = k === 2;
  const column = (j: number) => ref.probabilities.map((row) => row[j]);
  const oneVsRest = (j: number) => ref.actual.map((a) => (a === j ? 1 : 0));
  const calibrators = binary
    ? [fitCalibrator(oneVsRest(1), column(1))]
    : ref.labels.map((_, j) => fitCalibrator(oneVsRest(j), column(j)));
  const positive = binary ? column(1) : null;
  const chunks = chunkBounds(ref.actual.length, chunkCount).map(([lo, hi]) => ({
    rows: hi - lo,
    metrics: realizedMetrics(
      ref.labels,
      ref.actual.slice(lo, hi),
      ref.predicted.slice(lo, hi),
      positive && positive.slice(lo, hi),
    ),
  }));
  const thresholds = Object.fromEntries(
    ESTIMATED_METRICS.map((m) => [m, threshold(chunks.map((c) => c.metrics[m]))]),
  ) as Record<EstimatedMetric, Threshold>;
  return {
    labels: ref.labels,
    calibrators,
    components: samplingComponents(ref.actual, ref.predicted, positive, k),
    thresholds,
    referenceRows: ref.actual.length,
    chunks,
  };
}
