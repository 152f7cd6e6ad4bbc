import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { BatchEvents } from '../prediction/batching/batch-events';
import { PredictionEvents, PredictionTimings } from '../prediction/prediction.events';
import { BATCH_BUCKETS, counter, exemplarHistogram, LATENCY_BUCKETS, traceExemplar } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';
import { sampledTraceId } from '../common/tracing/tracing';

type ModelLabel = 'model' | 'version';

/** The inference families of docs/metrics.md, fed by the prediction path's event port. */
@Injectable()
export class MetricsPredictionEvents extends PredictionEvents {
  private readonly predictions: Counter<ModelLabel | 'outcome'>;
  private readonly inference: Histogram<ModelLabel>;
  private readonly preprocess: Histogram<ModelLabel>;

  constructor(metrics: MetricsRegistry) {
    super();
    const registry = metrics.registry;
    const labelNames = ['model', 'version'] as const;
    this.predictions = counter(registry, {
      name: 'sightline_predictions_total',
      help: 'Rows predicted, by model, version and outcome (success or the error class)',
      labelNames: ['model', 'version', 'outcome'],
    });
    this.inference = exemplarHistogram(registry, {
      name: 'sightline_inference_duration_seconds',
      help: 'ONNX session run time, by model and version',
      labelNames,
      buckets: LATENCY_BUCKETS,
    });
    this.preprocess = new Histogram({
      name: 'sightline_preprocess_duration_seconds',
      help: 'Input validation and tensor encoding time, by model and version',
      labelNames,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  }

  override succeeded(model: string, version: string, rows: number, timings: PredictionTimings): void {
    const labels = { model, version };
    this.predictions.inc({ ...labels, outcome: 'success' }, rows);
    this.inference.observe({
      labels,
      value: timings.inferenceSeconds,
      exemplarLabels: traceExemplar(sampledTraceId()),
    });
    this.preprocess.observe(labels, timings.preprocessSeconds);
  }

  override failed(model: string, version: string, errorClass: string): void {
    this.predictions.inc({ model, version, outcome: errorClass });
  }
}

/** `sightline_batch_size` and `sightline_batch_queue_wait_seconds`, fed by the dynamic batcher. */
@Injectable()
export class MetricsBatchEvents extends BatchEvents {
  private readonly size: Histogram<ModelLabel>;
  private readonly queueWait: Histogram<ModelLabel>;

  constructor(metrics: MetricsRegistry) {
    super();
    const labelNames = ['model', 'version'] as const;
    this.size = new Histogram({
      name: 'sightline_batch_size',
      help: 'Rows per session run (after dynamic batching), by model and version',
      labelNames,
      buckets: BATCH_BUCKETS,
      registers: [metrics.registry],
    });
    this.queueWait = new Histogram({
      name: 'sightline_batch_queue_wait_seconds',
      help: 'Time a request waited for its batch, by model and version',
      labelNames,
      buckets: LATENCY_BUCKETS,
      registers: [metrics.registry],
    });
  }

  override batch(model: string, version: string, size: number, queueWaitSeconds: readonly number[]): void {
    const labels = { model, version };
    this.size.observe(labels, size);
    for (const wait of queueWaitSeconds) this.queueWait.observe(labels, wait);
  }
}
