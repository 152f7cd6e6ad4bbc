import { Injectable } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { MetricsRegistry } from '../../telemetry/metrics.registry';
import { GAUGE_METRICS, PerformanceReport } from './performance.types';

export function gauge<T extends string>(
  registry: Registry,
  name: string,
  help: string,
  labelNames: T[],
): Gauge<T> {
  // registered once per registry, whoever gets there first (docs/metrics.md owns the names)
  const existing = registry.getSingleMetric(name);
  return (
    (existing as Gauge<T> | undefined) ?? new Gauge<T>({ name, help, labelNames, registers: [registry] })
  );
}

/**
 * The scheduled figures as Prometheus gauges, for alerting on degradation. Only the scheduled job
 * writes them, so `window` stays within the configured PERFORMANCE_WINDOWS. A figure that becomes
 * undefined (no labels yet) loses its series rather than keep a stale value.
 */
@Injectable()
export class PerformanceGauges {
  private readonly performance: Gauge<'model' | 'version' | 'window' | 'metric'>;
  private readonly coverage: Gauge<'model' | 'version' | 'window'>;
  private readonly delay: Gauge<'model' | 'version' | 'window'>;
  private readonly insufficient: Gauge<'model' | 'version' | 'window'>;

  constructor(metrics: MetricsRegistry) {
    const r = metrics.registry;
    const labels: ('model' | 'version' | 'window')[] = ['model', 'version', 'window'];
    this.performance = gauge(r, 'sightline_model_performance', 'Model quality from feedback, by metric', [
      ...labels,
      'metric',
    ]);
    this.coverage = gauge(
      r,
      'sightline_label_coverage_ratio',
      'Predictions with feedback / predictions',
      labels,
    );
    this.delay = gauge(r, 'sightline_label_delay_seconds', 'Median time from prediction to feedback', labels);
    this.insufficient = gauge(
      r,
      'sightline_performance_insufficient_data',
      'Fewer labelled predictions in the window than PERFORMANCE_MIN_SAMPLE (1): its figures are not exported',
      labels,
    );
  }

  update(report: PerformanceReport): void {
    const series = { model: report.modelName, version: report.modelVersion, window: report.window };
    const short = report.status === 'insufficient_data';
    // a figure from a handful of labels would page on noise: no series at all
    const figures = (short ? {} : report.metrics) as unknown as Record<string, unknown>;
    for (const metric of GAUGE_METRICS) {
      set(this.performance, { ...series, metric }, figures[metric]);
    }
    this.insufficient.set(series, short ? 1 : 0);
    set(this.coverage, series, report.labelCoverage);
    set(this.delay, series, report.medianLabelDelaySeconds);
  }
}

export function set<T extends string>(g: Gauge<T>, labels: Partial<Record<T, string>>, value: unknown): void {
  if (typeof value === 'number' && Number.isFinite(value)) g.set(labels, value);
  else g.remove(labels);
}
