import { classificationMetrics } from './classification-metrics';
import { ClassificationAggregates } from './performance.types';

function aggregates(over: Partial<ClassificationAggregates>): ClassificationAggregates {
  return {
    predictions: 10,
    labelled: 5,
    medianDelaySeconds: 60,
    confusion: [],
    logLoss: { sum: 0, n: 0 },
    auc: { twiceConcordant: 0, positives: 0, negatives: 0, scored: 0 },
    ...over,
  };
}

describe(classificationMetrics.name, () => {
  // actual a,a,b,b,c predicted a,b,b,b,a; "d" is in the manifest but nowhere in the window
  const multiclass = aggregates({
    confusion: [
      { actual: 'a', predicted: 'a', count: 1 },
      { actual: 'a', predicted: 'b', count: 1 },
      { actual: 'b', predicted: 'b', count: 2 },
      { actual: 'c', predicted: 'a', count: 1 },
    ],
    logLoss: { sum: 2.5, n: 5 },
  });

  it('computes accuracy and per-class figures, counting 0/0 as 0 like scikit-learn', () => {
    const m = classificationMetrics(['a', 'b', 'c', 'd'], multiclass);
    expect(m.accuracy).toBe(0.6);
    expect(m.per_class).toEqual([
      { label: 'a', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { label: 'b', precision: 2 / 3, recall: 1, f1: (2 * (2 / 3)) / (2 / 3 + 1), support: 2 },
      { label: 'c', precision: 0, recall: 0, f1: 0, support: 1 },
    ]);
  });

  it('averages over the classes present in the window, not every class of the manifest', () => {
    const m = classificationMetrics(['a', 'b', 'c', 'd'], multiclass);
    expect(m.precision_macro).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 15);
    expect(m.recall_macro).toBeCloseTo(0.5, 15);
    expect(m.f1_macro).toBeCloseTo((0.5 + 0.8 + 0) / 3, 15);
  });

  it('lays the confusion matrix out with actual rows and predicted columns over every label', () => {
    expect(classificationMetrics(['a', 'b', 'c', 'd'], multiclass).confusion_matrix).toEqual({
      labels: ['a', 'b', 'c', 'd'],
      matrix: [
        [1, 1, 0, 0],
        [0, 2, 0, 0],
        [1, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
  });

  it('keeps a label the manifest no longer lists', () => {
    const m = classificationMetrics(
      ['a', 'b'],
      aggregates({ confusion: [{ actual: 'old', predicted: 'a', count: 1 }] }),
    );
    expect(m.confusion_matrix.labels).toEqual(['a', 'b', 'old']);
  });

  it('gives the mean log loss only when every labelled row had probabilities', () => {
    expect(classificationMetrics(['a', 'b', 'c'], multiclass).log_loss).toBe(0.5);
    const partial = { ...multiclass, logLoss: { sum: 2, n: 4 } };
    expect(classificationMetrics(['a', 'b', 'c'], partial).log_loss).toBeNull();
  });

  it('computes ROC AUC for binary models from the Mann-Whitney count', () => {
    const binary = aggregates({
      confusion: [
        { actual: 'neg', predicted: 'neg', count: 2 },
        { actual: 'pos', predicted: 'pos', count: 2 },
      ],
      auc: { twiceConcordant: 6, positives: 2, negatives: 2, scored: 4 },
    });
    const m = classificationMetrics(['neg', 'pos'], binary);
    expect(m.roc_auc).toBe(0.75);
    expect(m.roc_auc_positive_label).toBe('pos');
    expect(classificationMetrics(['a', 'b', 'c'], multiclass).roc_auc).toBeNull();
    // one class only, or rows without a score: undefined, as scikit-learn refuses it
    const oneClass = { ...binary, auc: { twiceConcordant: 0, positives: 4, negatives: 0, scored: 4 } };
    expect(classificationMetrics(['neg', 'pos'], oneClass).roc_auc).toBeNull();
    const unscored = { ...binary, auc: { ...binary.auc, scored: 3 } };
    expect(classificationMetrics(['neg', 'pos'], unscored).roc_auc).toBeNull();
  });

  it('has no figures without labels', () => {
    const m = classificationMetrics(['a', 'b'], aggregates({ labelled: 0 }));
    expect(m).toMatchObject({ accuracy: null, f1_macro: null, log_loss: null, roc_auc: null, per_class: [] });
  });
});
