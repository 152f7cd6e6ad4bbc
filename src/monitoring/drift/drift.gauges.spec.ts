import { MetricsRegistry } from '../../telemetry/metrics.registry';
import { DriftGauges } from './drift.gauges';
import { DriftReport, FeatureDrift } from './report/drift-report.types';

function feature(test: FeatureDrift['test'], score: number | null): FeatureDrift {
  return {
    name: 'age',
    kind: 'numeric',
    test,
    test_source: 'default',
    score,
    threshold: 0.1,
    score_kind: 'distance',
    drift_detected: score === null ? null : score >= 0.1,
    verdict: score === null ? 'error' : score >= 0.1 ? 'drift' : 'no_drift',
    reference_size: 5,
    current_size: 5,
    min_sample: 1,
    statistics: {},
    data_quality: { missing: 1, missing_share: 0.2 },
    chart: null,
  };
}

function report(f: FeatureDrift): DriftReport {
  return {
    model: { name: 'm', version: '1' },
    features: [f],
    prediction: null,
    sample_sizes: { reference: 5, current: 5 },
    dataset: { drift_share: f.score === null ? null : 1, drift_detected: false },
  } as unknown as DriftReport;
}

describe(DriftGauges.name, () => {
  it('keeps one series per feature: a changed test or a missing score removes the old one', async () => {
    const metrics = new MetricsRegistry();
    const gauges = new DriftGauges(metrics);
    gauges.update(report(feature('wasserstein', 0.3)));
    let text = await metrics.registry.metrics();
    expect(text).toContain(
      'sightline_drift_score{model="m",version="1",feature="age",test="wasserstein"} 0.3',
    );
    expect(text).toContain('sightline_drift_detected{model="m",version="1",feature="age"} 1');
    expect(text).toContain(
      'sightline_data_quality_share{model="m",version="1",feature="age",kind="missing"} 0.2',
    );

    gauges.update(report(feature('ks', 0.01)));
    text = await metrics.registry.metrics();
    expect(text).not.toContain('test="wasserstein"');
    expect(text).toContain('sightline_drift_score{model="m",version="1",feature="age",test="ks"} 0.01');

    gauges.update(report(feature(null, null)));
    text = await metrics.registry.metrics();
    expect(text).not.toMatch(/sightline_drift_score\{/);
    expect(text).not.toMatch(/sightline_drift_detected\{/);
    expect(text).not.toMatch(/sightline_dataset_drift_share\{/);
  });
});

describe(`${DriftGauges.name} with too few values`, () => {
  it('exports no verdict, score or dataset verdict, and says why', async () => {
    const metrics = new MetricsRegistry();
    const gauges = new DriftGauges(metrics);
    const tested = feature('wasserstein', 0.3);
    gauges.update({
      ...report(tested),
      sample_sizes: { reference: 5, current: 600 },
      dataset: { verdict: 'drift', drift_share: 1, drift_detected: true, tested_features: 1 },
    } as unknown as DriftReport);
    const few: FeatureDrift = {
      ...tested,
      drift_detected: null,
      verdict: 'insufficient_data',
      current_size: 1,
    };
    gauges.update({
      ...report(few),
      sample_sizes: { reference: 5, current: 1 },
      dataset: { verdict: 'insufficient_data', drift_share: null, drift_detected: false, tested_features: 0 },
    } as unknown as DriftReport);
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/sightline_drift_score\{/);
    expect(text).not.toMatch(/sightline_drift_detected\{/);
    expect(text).not.toMatch(/sightline_dataset_drift_detected\{/);
    expect(text).not.toMatch(/sightline_dataset_drift_share\{/);
    expect(text).toContain('sightline_drift_insufficient_data{model="m",version="1",feature="age"} 1');
    expect(text).toContain('sightline_drift_window_rows{model="m",version="1"} 1');
    expect(text).toContain('sightline_drift_tested_features{model="m",version="1"} 0');
  });
});
