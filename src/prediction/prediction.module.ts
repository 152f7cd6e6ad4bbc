import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { PredictionLogModule } from '../prediction-log/prediction-log.module';
import { DynamicBatcher } from './batching/dynamic-batcher';
import { InferenceRunner } from './inference-runner';
import { PredictionController } from './prediction.controller';
import { PredictionService } from './prediction.service';

/**
 * The v1 prediction API and the inference path (dynamic batching) the v2 protocol shares. Its
 * event ports (PredictionEvents, BatchEvents) are bound by the telemetry module.
 */
@Module({
  // the feedback store: GET /v1/predictions/:id shows a prediction's label
  imports: [PredictionLogModule, FeedbackModule],
  controllers: [PredictionController],
  providers: [PredictionService, InferenceRunner, DynamicBatcher],
  exports: [PredictionService, InferenceRunner],
})
export class PredictionModule {}
