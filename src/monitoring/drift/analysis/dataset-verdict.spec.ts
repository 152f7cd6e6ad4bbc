import { MonitoredFeature } from '../monitored-features';
import { judgeFeatures } from './dataset-verdict';
import { FeatureOutcome } from './feature-result';
import { TestChoice } from './test-choice';

const p = (threshold = 0.05): TestChoice => ({
  test: 'ks',
  treatAs: 'numeric',
  threshold,
  scoreKind: 'p-value',
  source: 'default',
});
const d: TestChoice = {
  test: 'wasserstein',
  treatAs: 'numeric',
  threshold: 0.1,
  scoreKind: 'distance',
  source: 'default',
};

function outcome(name: string, choice: TestChoice | null, score: number | null): FeatureOutcome {
  const feature: MonitoredFeature = { name, kind: 'numeric', source: 'input', categories: [] };
  return {
    feature,
    choice,
    score,
    referenceSize: 10,
    currentSize: 10,
    statistics: {},
    dataQuality: { missing: 0, missing_share: 0 },
    chart: null,
  };
}

describe(judgeFeatures.name, () => {
  const outcomes = [
    outcome('a', p(), 0.01),
    outcome('b', p(), 0.04),
    outcome('c', d, 0.1),
    outcome('d', d, 0.05),
    outcome('e', null, null),
  ];

  it('judges p-values strictly below and distances at or above the threshold, and shares over judged features', () => {
    const { features, dataset } = judgeFeatures(outcomes, 'none', 0.5);
    expect(features.map((f) => f.drift_detected)).toEqual([true, true, true, false, null]);
    expect(features[0].adjusted_score).toBeUndefined();
    expect(dataset).toMatchObject({
      drifted_features: ['a', 'b', 'c'],
      tested_features: 4,
      drift_share: 0.75,
      drift_detected: true,
    });
  });

  it('adjusts the p-values together (Bonferroni, Benjamini-Hochberg) and leaves distances alone', () => {
    const bonferroni = judgeFeatures(outcomes, 'bonferroni', 0.5);
    expect(bonferroni.features.map((f) => f.adjusted_score)).toEqual([0.02, 0.08, null, null, null]);
    expect(bonferroni.dataset.drifted_features).toEqual(['a', 'c']);
    const bh = judgeFeatures(outcomes, 'bh', 0.5);
    expect(bh.features.map((f) => f.adjusted_score)).toEqual([0.02, 0.04, null, null, null]);
    expect(bh.dataset).toMatchObject({ drifted_features: ['a', 'b', 'c'], correction: 'bh' });
  });

  it('does not judge a feature below its minimum sample, nor adjust its p-value', () => {
    const few = (name: string, score: number): FeatureOutcome => ({
      ...outcome(name, p(), score),
      currentSize: 1,
      minSample: 500,
    });
    const enough = { ...outcome('c', d, 0.3), currentSize: 500, minSample: 500 };
    const { features, dataset } = judgeFeatures([few('a', 0.001), few('b', 0.9), enough], 'bh', 0.5);
    expect(features.map((f) => [f.verdict, f.drift_detected, f.min_sample])).toEqual([
      ['insufficient_data', null, 500],
      ['insufficient_data', null, 500],
      ['drift', true, 500],
    ]);
    expect(features[0].adjusted_score).toBeNull();
    expect(dataset).toMatchObject({
      verdict: 'drift',
      tested_features: 1,
      monitored_features: 3,
      insufficient_data_features: ['a', 'b'],
      drifted_features: ['c'],
    });
  });

  it('says insufficient_data, not "no drift", when no feature had enough values', () => {
    const one = { ...outcome('a', d, 5), currentSize: 1, minSample: 500 };
    const { features, dataset } = judgeFeatures([one], 'none', 0.5);
    expect(features[0]).toMatchObject({ verdict: 'insufficient_data', drift_detected: null, score: 5 });
    expect(dataset).toMatchObject({
      verdict: 'insufficient_data',
      drift_detected: false,
      drift_share: null,
      tested_features: 0,
      monitored_features: 1,
    });
  });

  it('has no share when nothing could be judged', () => {
    expect(judgeFeatures([outcome('e', null, null)], 'none', 0.5).dataset).toMatchObject({
      drift_share: null,
      drift_detected: false,
      tested_features: 0,
    });
  });
});
