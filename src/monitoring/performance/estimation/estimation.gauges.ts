import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from '../../../telemetry/metrics.registry';
import { gauge, set } from '../performance.gauges';
import { CbpeModel } from './cbpe/cbpe-model';
import { ESTIMATED_METRICS } from './cbpe/expected-confusion';
import { EstimatedPerformance } from './estimation.types';

type Series = 'model' | 'version' | 'window';

/**
 * The scheduled estimates as gauges, next to the realized `sightline_model_performance`: the
 * estimate, its confidence band, the reference's alert thresholds and, once labels arrive, the
 * estimation error. Too few predictions leave no estimate series (only the reason).
 */
@Injectable()
export class EstimationGauges {
  private readonly estimated: Gauge<Series | 'metric'>;
  private readonly bound: Gauge<Series | 'metric' | 'bound'>;
  private readonly threshold: Gauge<'model' | 'version' | 'metric' | 'bound'>;
  private readonly error: Gauge<Series | 'metric'>;
  private readonly insufficient: Gauge<Series>;

  constructor(metrics: MetricsRegistry) {
    const r = metrics.registry;
    this.estimated = gauge(
      r,
      'sightline_model_performance_estimated',
      'Model quality estimated without labels (CBPE)',
      ['model', 'version', 'window', 'metric'],
    );
    this.bound = gauge(
      r,
      'sightline_model_performance_estimated_bound',
      'Confidence band of the estimate: ±3 sampling errors (bound=lower|upper)',
      ['model', 'version', 'window', 'metric', 'bound'],
    );
    this.threshold = gauge(
      r,
      'sightline_model_performance_threshold',
      "The reference's alert band for a metric: mean ± 3 std of its realized value on reference chunks",
      ['model', 'version', 'metric', 'bound'],
    );
    this.error = gauge(
      r,
      'sightline_model_performance_estimation_error',
      'Estimated minus realized, over the predictions of the window that have labels',
      ['model', 'version', 'window', 'metric'],
    );
    this.insufficient = gauge(
      r,
      'sightline_performance_estimated_insufficient_data',
      'Fewer predictions in the window than PERFORMANCE_MIN_SAMPLE (1): no estimate is exported',
      ['model', 'version', 'window'],
    );
  }

  update(
    series: { model: string; version: string; window: string },
    e: EstimatedPerformance,
    model?: CbpeModel,
  ): void {
    const exported = e.status === 'ok' ? e.metrics : null;
    const errors = e.estimation_error?.status === 'ok' ? e.estimation_error.metrics : null;
    for (const metric of ESTIMATED_METRICS) {
      const labels = { ...series, metric };
      set(this.estimated, labels, exported?.[metric].value);
      set(this.bound, { ...labels, bound: 'lower' }, exported?.[metric].lower);
      set(this.bound, { ...labels, bound: 'upper' }, exported?.[metric].upper);
      set(this.error, labels, errors?.[metric].error);
      const t = model?.thresholds[metric];
      const ref = { model: series.model, version: series.version, metric };
      set(this.threshold, { ...ref, bound: 'lower' }, t?.lower);
      set(this.threshold, { ...ref, bound: 'upper' }, t?.upper);
    }
    if (e.status === 'unavailable') this.insufficient.remove(series);
    else this.insufficient.set(series, e.status === 'insufficient_data' ? 1 : 0);
  }
}
