import { FeedbackRecord, NewFeedback, SubmitOutcome } from './feedback.record';

/** Port for the feedback store; the service depends on this, the module binds the TypeORM adapter. */
export abstract class FeedbackRepository {
  /**
   * Inserts every item whose prediction has no feedback yet, in one statement. An item whose
   * prediction already has feedback is left alone and reported as unchanged (same actual) or
   * conflict (with the stored actual). Outcomes come back in the order of `items`.
   */
  abstract submit(items: NewFeedback[], now: Date): Promise<SubmitOutcome[]>;

  /** Inserts or overwrites the prediction's feedback (PUT); `created` says which. */
  abstract replace(item: NewFeedback, now: Date): Promise<{ record: FeedbackRecord; created: boolean }>;

  abstract findByPredictionId(predictionId: string): Promise<FeedbackRecord | undefined>;
}
