import { ClassificationAggregates, ClassificationMetrics, ClassMetrics } from './performance.types';

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);
const mean = (xs: number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Accuracy, per-class and macro precision/recall/F1, log loss and ROC AUC from SQL aggregates,
 * defined as scikit-learn defines them: undefined ratios count as 0 (its zero_division default)
 * and the macro averages run over the classes present in the actuals or the predictions.
 */
export function classificationMetrics(
  manifestLabels: string[],
  agg: ClassificationAggregates,
): ClassificationMetrics {
  const seen = new Set(agg.confusion.flatMap((c) => [c.actual, c.predicted]));
  // labels stored under an older manifest still get a row rather than vanish
  const labels = [...manifestLabels, ...[...seen].filter((l) => !manifestLabels.includes(l)).sort()];
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (const c of agg.confusion) matrix[index.get(c.actual)!][index.get(c.predicted)!] += c.count;

  const n = agg.confusion.reduce((s, c) => s + c.count, 0);
  const correct = labels.reduce((s, _l, i) => s + matrix[i][i], 0);
  const perClass: ClassMetrics[] = labels
    .map((label, i) => {
      const tp = matrix[i][i];
      const support = matrix[i].reduce((a, b) => a + b, 0);
      const predicted = matrix.reduce((s, row) => s + row[i], 0);
      const precision = ratio(tp, predicted);
      const recall = ratio(tp, support);
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      return { label, precision, recall, f1, support, present: support + predicted > 0 };
    })
    .filter((c) => c.present)
    .map(({ present: _present, ...c }) => c);

  const binary = manifestLabels.length === 2;
  const { auc } = agg;
  const aucDefined = binary && auc.scored === n && auc.positives > 0 && auc.negatives > 0;
  return {
    accuracy: n === 0 ? null : correct / n,
    precision_macro: mean(perClass.map((c) => c.precision)),
    recall_macro: mean(perClass.map((c) => c.recall)),
    f1_macro: mean(perClass.map((c) => c.f1)),
    // every labelled row needs its probabilities, or the mean would silently cover a subset
    log_loss: n > 0 && agg.logLoss.n === n ? agg.logLoss.sum / n : null,
    roc_auc: aucDefined ? auc.twiceConcordant / (2 * auc.positives * auc.negatives) : null,
    roc_auc_positive_label: binary ? manifestLabels[1] : null,
    per_class: perClass,
    confusion_matrix: { labels, matrix },
  };
}
