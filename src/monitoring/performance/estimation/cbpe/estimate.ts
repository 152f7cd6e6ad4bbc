import { CbpeModel, Threshold } from './cbpe-model';
import { ESTIMATED_METRICS, EstimatedMetric, metricsFromConfusion, MetricValues } from './expected-confusion';
import { samplingError } from './sampling-error';

/** What SQL returns for a window: the expected confusion matrix and the parts of the expected ROC area. */
export interface WindowExpectation {
  /** Rows with probabilities and a known predicted label (the others cannot be estimated). */
  scored: number;
  /** Expected counts, rows: actual class, columns: predicted class, in label order. */
  confusion: number[][];
  /** Binary models: the trapezoid area under the expected (FP, TP) curve and its two totals. */
  roc: { area: number; tp: number; fp: number } | null;
}

/** Multiples of the sampling error the confidence band spans (NannyML's SAMPLING_ERROR_RANGE). */
export const BAND_WIDTH = 3;

export interface MetricEstimate {
  value: number | null;
  sampling_error: number | null;
  /** The confidence band: value ± 3 sampling errors, within [0, 1]. */
  lower: number | null;
  upper: number | null;
  threshold: Threshold;
  /** Outside the band the reference's chunks span: below (a degradation) or above. */
  alert: 'below' | 'above' | null;
}

export type MetricEstimates = Record<EstimatedMetric, MetricEstimate>;

export function estimatedValues(model: CbpeModel, w: WindowExpectation): MetricValues {
  const roc = w.roc && w.roc.tp > 0 && w.roc.fp > 0 ? w.roc.area / (w.roc.tp * w.roc.fp) : null;
  return { ...metricsFromConfusion(w.confusion), roc_auc: model.labels.length === 2 ? roc : null };
}

/** Every estimated figure of a window with its band, thresholds and alert. */
export function estimateMetrics(model: CbpeModel, w: WindowExpectation): MetricEstimates {
  const values = estimatedValues(model, w);
  const out = {} as MetricEstimates;
  for (const metric of ESTIMATED_METRICS) {
    const value = values[metric];
    const se = value === null ? null : samplingError(model.components[metric], w.scored);
    const t = model.thresholds[metric];
    const alert =
      value === null
        ? null
        : t.lower !== null && value < t.lower
          ? 'below'
          : t.upper !== null && value > t.upper
            ? 'above'
            : null;
    out[metric] = {
      value,
      sampling_error: se,
      lower: value === null || se === null ? null : Math.max(0, value - BAND_WIDTH * se),
      upper: value === null || se === null ? null : Math.min(1, value + BAND_WIDTH * se),
      threshold: t,
      alert,
    };
  }
  return out;
}
