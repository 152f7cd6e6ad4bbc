import { calibrate, Calibrator } from './calibration';

/** The figures CBPE estimates, named as the realized ones (sightline_model_performance{metric}). */
export const ESTIMATED_METRICS = [
  'accuracy',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'roc_auc',
] as const;
export type EstimatedMetric = (typeof ESTIMATED_METRICS)[number];
export type MetricValues = Record<EstimatedMetric, number | null>;

/**
 * A row's calibrated class probabilities. Binary models calibrate the positive class (the
 * manifest's second label) and take the rest for the negative one, as NannyML does; multiclass
 * models calibrate each class one-vs-rest and renormalise the row (uniform when all are 0).
 */
export function calibratedRow(calibrators: Calibrator[], probabilities: number[]): number[] {
  const k = probabilities.length;
  if (k === 2) {
    const positive = calibrate(calibrators[0], probabilities[1]);
    return [1 - positive, positive];
  }
  const c = probabilities.map((p, j) => calibrate(calibrators[j], p));
  const sum = c.reduce((a, b) => a + b, 0);
  return sum === 0 ? c.map(() => 1 / k) : c.map((v) => v / sum);
}

/** Adds a row predicted as class `predicted` to the expected confusion matrix (rows: actual class). */
export function addExpected(matrix: number[][], predicted: number, calibrated: number[]): void {
  for (let j = 0; j < calibrated.length; j++) matrix[j][predicted] += calibrated[j];
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

/**
 * Accuracy and the macro averages over every class from an expected confusion matrix (rows:
 * actual, columns: predicted). Per class k: precision C[k][k] / Σ_j C[j][k], recall C[k][k] /
 * Σ_m C[k][m], F1 = TP / (TP + (FP + FN) / 2); a zero denominator counts 0. For the positive class
 * of a binary model these are exactly NannyML's estimated precision, recall and F1.
 */
export function metricsFromConfusion(matrix: number[][]): Omit<MetricValues, 'roc_auc'> {
  const k = matrix.length;
  let n = 0;
  let trace = 0;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = matrix[c][c];
    let predicted = 0;
    let actual = 0;
    for (let j = 0; j < k; j++) {
      predicted += matrix[j][c];
      actual += matrix[c][j];
    }
    n += actual;
    trace += tp;
    precision.push(ratio(tp, predicted));
    recall.push(ratio(tp, actual));
    f1.push(ratio(tp, tp + 0.5 * (predicted - tp + (actual - tp))));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (n === 0) return { accuracy: null, precision_macro: null, recall_macro: null, f1_macro: null };
  return {
    accuracy: trace / n,
    precision_macro: mean(precision),
    recall_macro: mean(recall),
    f1_macro: mean(f1),
  };
}
