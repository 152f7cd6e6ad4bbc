import { Global, Module, Provider } from '@nestjs/common';
import { AuthEvents } from '../auth/auth.events';
import { AppConfig } from '../config/app-config';
import { ReadDatabaseEvents } from '../database/read-database.events';
import { APP_CONFIG } from '../config/config.module';
import { ModelRegistryEvents } from '../model-registry/model-registry.events';
import { BatchEvents } from '../prediction/batching/batch-events';
import { PredictionEvents } from '../prediction/prediction.events';
import { PredictionLogEvents } from '../prediction-log/prediction-log.events';
import { MetricsAuthEvents } from './auth.metrics';
import { DbPoolMetrics } from './db-pool.metrics';
import { HttpMetrics, ModelLabeler } from './http.metrics';
import { JobMetrics } from './job.metrics';
import { MetricsExposition } from './metrics-exposition';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics.registry';
import { MetricsModelRegistryEvents, ModelMetrics } from './model.metrics';
import { MetricsPredictionLogEvents } from './prediction-log.metrics';
import { MetricsBatchEvents, MetricsPredictionEvents } from './prediction.metrics';
import { MetricsReadDatabaseEvents } from './read-database.metrics';
import { InferenceStatistics } from './inference-statistics';
import { RuntimeMetrics } from './runtime.metrics';
import { StatisticsBatchEvents, StatisticsPredictionEvents } from './statistics-events';
import { TracingLifecycle } from './tracing-lifecycle';

/**
 * A feature's event port bound to its Prometheus implementation, or with METRICS_ENABLED=false to
 * the port's own no-op class (and its families are never registered). Features never import this
 * module's code: they inject their port.
 */
function metricsPort<T>(port: new () => T, metrics: new (registry: MetricsRegistry) => T): Provider {
  return {
    provide: port,
    inject: [APP_CONFIG, MetricsRegistry],
    useFactory: (config: AppConfig, registry: MetricsRegistry) =>
      config.metrics.enabled === false ? new port() : new metrics(registry),
  };
}

/**
 * A port whose events also feed the inference statistics (Triton's statistics extension), which
 * count whether metrics are on or off.
 */
function countedPort<T>(
  port: new () => T,
  metrics: new (registry: MetricsRegistry) => T,
  counted: new (stats: InferenceStatistics, next: T) => T,
): Provider {
  return {
    provide: port,
    inject: [APP_CONFIG, MetricsRegistry, InferenceStatistics],
    useFactory: (config: AppConfig, registry: MetricsRegistry, stats: InferenceStatistics) =>
      new counted(stats, config.metrics.enabled === false ? new port() : new metrics(registry)),
  };
}

const PORTS = [
  metricsPort(ModelRegistryEvents, MetricsModelRegistryEvents),
  countedPort(PredictionEvents, MetricsPredictionEvents, StatisticsPredictionEvents),
  countedPort(BatchEvents, MetricsBatchEvents, StatisticsBatchEvents),
  metricsPort(PredictionLogEvents, MetricsPredictionLogEvents),
  metricsPort(AuthEvents, MetricsAuthEvents),
  metricsPort(ReadDatabaseEvents, MetricsReadDatabaseEvents),
];

/**
 * Metrics, request-scoped log correlation and trace plumbing. Every feature's metrics port is
 * bound here (PORTS), so the features know nothing of prom-client and the metrics switch is one
 * place.
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
    InferenceStatistics,
    ...PORTS,
    ModelMetrics,
    DbPoolMetrics,
    JobMetrics,
    TracingLifecycle,
  ],
  exports: [
    MetricsRegistry,
    HttpMetrics,
    ModelLabeler,
    ModelRegistryEvents,
    PredictionEvents,
    BatchEvents,
    PredictionLogEvents,
    AuthEvents,
    ReadDatabaseEvents,
    InferenceStatistics,
    JobMetrics,
  ],
})
export class TelemetryModule {}
