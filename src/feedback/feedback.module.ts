import { Module } from '@nestjs/common';
import { PredictionLogModule } from '../prediction-log/prediction-log.module';
import { BulkFeedbackService } from './bulk-feedback.service';
import { FeedbackBodyLimit } from './feedback-body-limit';
import { FeedbackController } from './feedback.controller';
import { FeedbackPreparer } from './feedback-preparer';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { ModelTargets } from './model-targets';
import { PredictionLookup } from './prediction-lookup';
import { TypeOrmFeedbackRepository } from './typeorm-feedback.repository';

/** Delayed ground truth for logged predictions; the store is exported for the prediction API. */
@Module({
  imports: [PredictionLogModule],
  controllers: [FeedbackController],
  providers: [
    { provide: FeedbackRepository, useClass: TypeOrmFeedbackRepository },
    FeedbackService,
    BulkFeedbackService,
    FeedbackPreparer,
    PredictionLookup,
    ModelTargets,
    FeedbackBodyLimit,
  ],
  exports: [FeedbackRepository],
})
export class FeedbackModule {}
