import { EstimatedMetric } from './cbpe/expected-confusion';
import { MetricEstimates } from './cbpe/estimate';

/** ok: within the reference's band; degraded: some figure below it; insufficient_data: too few rows. */
export type PerformanceVerdict = 'ok' | 'degraded' | 'insufficient_data';

export interface EstimationErrorFigure {
  /** CBPE's estimate over the labelled predictions of the window. */
  estimated: number | null;
  /** The realized figure over the same predictions (their feedback). */
  realized: number | null;
  /** estimated - realized. */
  error: number | null;
}

/**
 * A window's estimated performance, as stored (jsonb) and served under `estimated` (snake_case like
 * the rest of the API). `unavailable` says why there is no estimate (a regressor, no labelled
 * reference, probabilities not logged).
 */
export interface EstimatedPerformance {
  method: 'cbpe';
  status: 'ok' | 'insufficient_data' | 'unavailable';
  reason: string | null;
  verdict: PerformanceVerdict | null;
  /** Successful classifications in the window, and those whose probabilities were logged (estimated). */
  predictions: number;
  scored: number;
  min_sample: number;
  reference: {
    rows: number;
    probabilities: 'file' | 'model';
    calibrated: Record<string, boolean>;
    created_at: string;
  } | null;
  metrics: MetricEstimates | null;
  /** Expected counts: rows actual class, columns predicted class, in label order. */
  confusion_matrix: { labels: string[]; matrix: number[][] } | null;
  /** The estimate scored against the feedback that has arrived for the window's predictions. */
  estimation_error: {
    labelled: number;
    status: 'ok' | 'insufficient_data';
    metrics: Record<EstimatedMetric, EstimationErrorFigure>;
  } | null;
  /** The realized figures against the same reference thresholds (null without enough labels). */
  realized_verdict: PerformanceVerdict | null;
}
