import { Global, Module } from '@nestjs/common';
import { ModelRegistryEvents } from '../model-registry/model-registry.events';
import { DbPoolMetrics } from './db-pool.metrics';
import { HttpMetrics, ModelLabeler } from './http.metrics';
import { JobMetrics } from './job.metrics';
import { MetricsExposition } from './metrics-exposition';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { MetricsModelRegistryEvents, ModelMetrics } from './model.metrics';
import { MetricsPredictionLogEvents } from './prediction-log.metrics';
import { MetricsBatchEvents, MetricsPredictionEvents } from './prediction.metrics';
import { RuntimeMetrics } from './runtime.metrics';
import { TracingLifecycle } from './tracing-lifecycle';

/**
 * Metrics, request-scoped log correlation and trace plumbing. Feature modules bind their event
 * ports to the metric classes exported here; the registry loads through ModelRegistryEvents.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    MetricsRegistry,
    MetricsExposition,
    RuntimeMetrics,
    HttpMetrics,
    ModelLabeler,
    MetricsPredictionEvents,
    MetricsBatchEvents,
    MetricsPredictionLogEvents,
    MetricsModelRegistryEvents,
    { provide: ModelRegistryEvents, useExisting: MetricsModelRegistryEvents },
    ModelMetrics,
    DbPoolMetrics,
    JobMetrics,
    TracingLifecycle,
  ],
  exports: [
    MetricsRegistry,
    HttpMetrics,
    ModelLabeler,
    MetricsPredictionEvents,
    MetricsBatchEvents,
    MetricsPredictionLogEvents,
    ModelRegistryEvents,
    JobMetrics,
  ],
})
export class TelemetryModule {}
