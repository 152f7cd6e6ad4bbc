import { Module } from '@nestjs/common';
import { FeedbackRepository } from './feedback.repository';
import { TypeOrmFeedbackRepository } from './typeorm-feedback.repository';

/**
 * Only the feedback store, with no dependency on the prediction module, so the prediction API
 * can show a prediction's feedback without a module cycle.
 */
@Module({
  providers: [{ provide: FeedbackRepository, useClass: TypeOrmFeedbackRepository }],
  exports: [FeedbackRepository],
})
export class FeedbackStoreModule {}
