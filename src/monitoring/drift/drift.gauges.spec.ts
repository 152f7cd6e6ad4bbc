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
    reference_size: 5,
    current_size: 5,
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
