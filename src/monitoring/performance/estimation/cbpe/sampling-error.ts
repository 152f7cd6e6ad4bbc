import { EstimatedMetric } from './expected-confusion';

/** A standard deviation from the reference and the share of rows it applies to (NannyML's components). */
export interface ErrorComponent {
  std: number;
  fraction: number;
}

/** Per metric: one component (accuracy, ROC AUC) or one per class (the macro averages). */
export type SamplingComponents = Record<EstimatedMetric, ErrorComponent[] | null>;

function std(xs: number[]): number {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / xs.length);
}

function component(observations: number[], n: number): ErrorComponent | null {
  return observations.length === 0 ? null : { std: std(observations), fraction: observations.length / n };
}

/**
 * NannyML's AUROC component: rank the reference by score (stable, ascending, the minority class
 * as positive); for each positive the share of negatives ranked below it; their spread.
 */
function aurocComponent(actual: number[], score: number[]): ErrorComponent | null {
  let y: number[] = actual.map((c) => (c === 1 ? 1 : 0));
  let s = score;
  if (y.reduce((a, b) => a + b, 0) / y.length > 0.5) {
    y = y.map((v) => 1 - v);
    s = s.map((v) => 1 - v);
  }
  const order = s.map((_, i) => i).sort((a, b) => s[a] - s[b] || a - b);
  const positives = y.reduce((a, b) => a + b, 0);
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return null;
  // NannyML takes the distinct non-zero ranks of the positives, so a positive ranked first is dropped
  const ranks = order.map((row, rank) => (y[row] === 1 ? rank : 0)).filter((r) => r > 0);
  const below = ranks.map((rank, i) => (rank - i) / negatives);
  return below.length === 0 ? null : { std: std(below), fraction: positives / y.length };
}

/** Sampling-error components from the labelled reference (class indices; scores of the positive class). */
export function samplingComponents(
  actual: number[],
  predicted: number[],
  positiveScore: number[] | null,
  classes: number,
): SamplingComponents {
  const n = actual.length;
  const perClass = (pick: (c: number) => number[]): ErrorComponent[] | null => {
    // a class without rows keeps its place (fraction 0): the macro average still divides by every class
    const out = Array.from({ length: classes }, (_, c) => component(pick(c), n) ?? { std: 0, fraction: 0 });
    return out.some((c) => c.fraction > 0) ? out : null;
  };
  const correct = actual.map((a, i) => (a === predicted[i] ? 1 : 0));
  const accuracy = component(correct, n);
  return {
    accuracy: accuracy ? [accuracy] : null,
    precision_macro: perClass((c) => correct.filter((_, i) => predicted[i] === c)),
    recall_macro: perClass((c) => correct.filter((_, i) => actual[i] === c)),
    f1_macro: perClass((c) => {
      const tp = actual.filter((a, i) => a === c && predicted[i] === c).length;
      const wrong = actual.filter((a, i) => (a === c) !== (predicted[i] === c)).length;
      if (tp + wrong === 0) return [];
      const factor = (tp + wrong) / (0.5 * wrong + tp);
      return [...new Array<number>(tp).fill(factor), ...new Array<number>(wrong).fill(0)];
    }),
    roc_auc: positiveScore ? wrap(aurocComponent(actual, positiveScore)) : null,
  };
}

const wrap = (c: ErrorComponent | null): ErrorComponent[] | null => (c ? [c] : null);

/**
 * The sampling error of a figure over m rows: std / sqrt(m · fraction) per component (NannyML's
 * formula), and for a macro average the root of the summed squares over the classes, divided by
 * their number (their errors taken as independent).
 */
export function samplingError(components: ErrorComponent[] | null, m: number): number | null {
  if (!components || components.length === 0 || m <= 0) return null;
  const errors = components.filter((c) => c.fraction > 0).map((c) => c.std / Math.sqrt(m * c.fraction));
  if (errors.length === 0) return null;
  if (components.length === 1) return errors[0];
  // a macro average: root of the summed squares over the classes, divided by their number
  return Math.sqrt(errors.reduce((a, e) => a + e * e, 0)) / components.length;
}
