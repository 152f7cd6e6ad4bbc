import { Module } from '@nestjs/common';
import { PredictionModule } from '../prediction/prediction.module';
import { BulkFeedbackService } from './bulk-feedback.service';
import { FeedbackBodyLimit } from './feedback-body-limit';
import { FeedbackController } from './feedback.controller';
import { FeedbackPreparer } from './feedback-preparer';
import { FeedbackService } from './feedback.service';
import { FeedbackStoreModule } from './feedback-store.module';
import { ModelTargets } from './model-targets';
import { PredictionLookup } from './prediction-lookup';

@Module({
  imports: [PredictionModule, FeedbackStoreModule],
  controllers: [FeedbackController],
  providers: [
    FeedbackService,
    BulkFeedbackService,
    FeedbackPreparer,
    PredictionLookup,
    ModelTargets,
    FeedbackBodyLimit,
  ],
})
export class FeedbackModule {}
