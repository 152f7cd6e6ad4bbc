import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { MetricsRegistry } from '../../telemetry/metrics.registry';
import { DriftReport, FeatureDrift } from './report/drift-report.types';

function gauge<T extends string>(registry: Registry, name: string, help: string, labelNames: T[]): Gauge<T> {
  const existing = registry.getSingleMetric(name);
  return (
    (existing as Gauge<T> | undefined) ?? new Gauge<T>({ name, help, labelNames, registers: [registry] })
  );
}

type FeatureLabels = 'model' | 'version' | 'feature';

/**
 * The latest drift run of each model version as Prometheus gauges (names in docs/metrics.md), so
 * that alerts can fire on them. A figure the run could not compute loses its series instead of
 * keeping a stale value; a feature whose test changed loses the series labelled with the old one.
 */
@Injectable()
export class DriftGauges {
  private readonly score: Gauge<FeatureLabels | 'test'>;
  private readonly threshold: Gauge<FeatureLabels | 'test'>;
  private readonly detected: Gauge<FeatureLabels>;
  private readonly share: Gauge<'model' | 'version'>;
  private readonly datasetDetected: Gauge<'model' | 'version'>;
  private readonly quality: Gauge<FeatureLabels | 'kind'>;
  private readonly predictionShare: Gauge<'model' | 'version' | 'label'>;
  private readonly insufficient: Gauge<FeatureLabels>;
  private readonly windowRows: Gauge<'model' | 'version'>;
  private readonly tested: Gauge<'model' | 'version'>;
  private readonly lastTest = new Map<string, string>();

  constructor(metrics: MetricsRegistry) {
    const r = metrics.registry;
    this.score = gauge(
      r,
      'sightline_drift_score',
      "The feature's latest drift statistic (p-value or distance)",
      ['model', 'version', 'feature', 'test'],
    );
    this.threshold = gauge(r, 'sightline_drift_threshold', 'The threshold of that drift test', [
      'model',
      'version',
      'feature',
      'test',
    ]);
    this.detected = gauge(
      r,
      'sightline_drift_detected',
      'The feature drifted in the latest run (1) or not (0)',
      ['model', 'version', 'feature'],
    );
    this.share = gauge(r, 'sightline_dataset_drift_share', 'Share of the features drifting', [
      'model',
      'version',
    ]);
    this.datasetDetected = gauge(r, 'sightline_dataset_drift_detected', 'Dataset-level drift verdict (0/1)', [
      'model',
      'version',
    ]);
    this.quality = gauge(r, 'sightline_data_quality_share', 'Data quality in the drift window', [
      'model',
      'version',
      'feature',
      'kind',
    ]);
    this.predictionShare = gauge(
      r,
      'sightline_prediction_share',
      'Predicted-label distribution in the drift window',
      ['model', 'version', 'label'],
    );
    this.insufficient = gauge(
      r,
      'sightline_drift_insufficient_data',
      'The window held fewer values of the feature than its minimum sample (1), so no verdict; 0 when tested',
      ['model', 'version', 'feature'],
    );
    this.windowRows = gauge(r, 'sightline_drift_window_rows', 'Predictions in the latest drift window', [
      'model',
      'version',
    ]);
    this.tested = gauge(
      r,
      'sightline_drift_tested_features',
      'Features with enough values in the latest run to be judged',
      ['model', 'version'],
    );
  }

  update(report: DriftReport): void {
    const series = { model: report.model.name, version: report.model.version };
    for (const f of report.features) this.feature(series, f);
    if (report.prediction) this.feature(series, report.prediction);
    set(this.share, series, report.dataset.drift_share);
    // no verdict from too few rows: no series either, so neither state can page anyone
    if (report.dataset.verdict === 'insufficient_data') this.datasetDetected.remove(series);
    else this.datasetDetected.set(series, report.dataset.drift_detected ? 1 : 0);
    set(this.windowRows, series, report.sample_sizes?.current);
    set(this.tested, series, report.dataset.tested_features);
    for (const { label, share } of report.prediction?.label_shares ?? []) {
      this.predictionShare.set({ ...series, label }, share);
    }
  }

  private feature(series: { model: string; version: string }, f: FeatureDrift): void {
    const labels = { ...series, feature: f.name };
    const key = `${series.model}\u0000${series.version}\u0000${f.name}`;
    const previous = this.lastTest.get(key);
    if (previous !== undefined && previous !== f.test) {
      this.score.remove({ ...labels, test: previous });
      this.threshold.remove({ ...labels, test: previous });
    }
    if (f.verdict === 'insufficient_data') this.insufficient.set(labels, 1);
    else if (f.drift_detected === null) this.insufficient.remove(labels);
    else this.insufficient.set(labels, 0);
    if (f.test === null || f.score === null || f.drift_detected === null) {
      // an insufficient sample's score is noise: the panels and alerts see none
      if (previous !== undefined) {
        this.score.remove({ ...labels, test: previous });
        this.threshold.remove({ ...labels, test: previous });
      }
      this.lastTest.delete(key);
      this.detected.remove(labels);
    } else {
      this.lastTest.set(key, f.test);
      this.score.set({ ...labels, test: f.test }, f.score);
      this.threshold.set({ ...labels, test: f.test }, f.threshold ?? 0);
      this.detected.set(labels, f.drift_detected ? 1 : 0);
    }
    const q = f.data_quality;
    set(this.quality, { ...labels, kind: 'missing' }, q.missing_share);
    if ('out_of_range_share' in q)
      set(this.quality, { ...labels, kind: 'out_of_range' }, q.out_of_range_share);
    if ('unseen_category_share' in q)
      set(this.quality, { ...labels, kind: 'unseen_category' }, q.unseen_category_share);
  }
}

function set<T extends string>(
  g: Gauge<T>,
  labels: Partial<Record<T, string>>,
  value: number | null | undefined,
): void {
  if (typeof value === 'number' && Number.isFinite(value)) g.set(labels, value);
  else g.remove(labels);
}
