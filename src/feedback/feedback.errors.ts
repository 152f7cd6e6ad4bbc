import { DomainError } from '../common/errors/domain-error';

export { assertUuid, isUuid } from '../common/uuid';

/** 409 naming the stored value, so the client can decide whether to PUT over it. */
export class FeedbackConflictError extends DomainError {
  constructor(predictionId: string, existing: string | number) {
    super(
      'feedback_conflict',
      `Prediction "${predictionId}" already has feedback with actual ${JSON.stringify(existing)}; ` +
        'PUT the feedback to replace it',
      [],
      { existing_actual: existing },
    );
  }
}
