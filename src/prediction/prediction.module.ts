import { Module, Provider, Type } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FeedbackStoreModule } from '../feedback/feedback-store.module';
import { MetricsPredictionLogEvents } from '../telemetry/prediction-log.metrics';
import { MetricsBatchEvents, MetricsPredictionEvents } from '../telemetry/prediction.metrics';
import { TracedPredictionLogRepository } from '../telemetry/traced-prediction-log.repository';
import { BatchEvents } from './batching/batch-events';
import { DynamicBatcher } from './batching/dynamic-batcher';
import { InferenceRunner } from './inference-runner';
import { PredictionLogEvents } from './log/prediction-log.events';
import { PredictionLogRepository, TypeOrmPredictionLogRepository } from './log/prediction-log.repository';
import { journalProvider } from './log/journal/journal.provider';
import { PredictionLogWriter } from './log/prediction-log.writer';
import { PredictionController } from './prediction.controller';
import { PredictionEvents } from './prediction.events';
import { PredictionService } from './prediction.service';

/** METRICS_ENABLED=false binds the port's own no-op class instead of its Prometheus implementation. */
function metricsPort<T>(port: new () => T, metrics: Type<T>): Provider {
  return {
    provide: port,
    inject: [APP_CONFIG, metrics],
    useFactory: (config: AppConfig, impl: T) => (config.metrics.enabled === false ? new port() : impl),
  };
}

@Module({
  // the feedback store only (not FeedbackModule, which imports this one): GET shows a prediction's label
  imports: [FeedbackStoreModule],
  controllers: [PredictionController],
  providers: [
    PredictionService,
    InferenceRunner,
    DynamicBatcher,
    metricsPort(BatchEvents, MetricsBatchEvents),
    PredictionLogWriter,
    journalProvider,
    // the telemetry module (global) owns the metric implementations of the event ports
    metricsPort(PredictionEvents, MetricsPredictionEvents),
    metricsPort(PredictionLogEvents, MetricsPredictionLogEvents),
    TypeOrmPredictionLogRepository,
    {
      provide: PredictionLogRepository,
      inject: [TypeOrmPredictionLogRepository],
      useFactory: (store: TypeOrmPredictionLogRepository) => new TracedPredictionLogRepository(store),
    },
  ],
  exports: [
    PredictionService,
    PredictionLogWriter,
    PredictionLogRepository,
    InferenceRunner,
    BatchEvents,
    // the v2 protocol meters its inferences through the same port
    PredictionEvents,
  ],
})
export class PredictionModule {}
