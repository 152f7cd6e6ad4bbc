import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ModelAccess } from '../common/http/model-access';
import { DomainError, PredictionNotFoundError, ValidationFailedError } from '../common/errors/domain-error';
import { FeedbackFields } from './dto/feedback-request.dto';
import { assertUuid, FeedbackConflictError } from './feedback.errors';
import { FeedbackRecord, NewFeedback } from './feedback.record';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackPreparer } from './feedback-preparer';
import { PredictionLookup } from './prediction-lookup';

export interface FeedbackResult {
  record: FeedbackRecord;
  /** true: stored now (201); false: it was already there (200). */
  created: boolean;
}

/** Feedback on one prediction: first label, idempotent repeat, conflict, replacement. */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly repository: FeedbackRepository,
    private readonly lookup: PredictionLookup,
    private readonly preparer: FeedbackPreparer,
    private readonly clock: Clock,
  ) {}

  /** Stores the first actual; the same actual again is a no-op, a different one a conflict. */
  async submit(predictionId: string, fields: FeedbackFields, access: ModelAccess): Promise<FeedbackResult> {
    const item = await this.prepare(predictionId, fields, access);
    const [outcome] = await this.repository.submit([item], this.clock.now());
    if (outcome.status === 'conflict') throw new FeedbackConflictError(item.predictionId, outcome.existing!);
    return { record: await this.stored(item.predictionId), created: outcome.status === 'created' };
  }

  /** Stores the actual whatever was there before (PUT). */
  async replace(predictionId: string, fields: FeedbackFields, access: ModelAccess): Promise<FeedbackResult> {
    const item = await this.prepare(predictionId, fields, access);
    return this.repository.replace(item, this.clock.now());
  }

  /** Feedback on a prediction of a model outside `access` is missing, as on a prediction without any. */
  async get(predictionId: string, access: ModelAccess): Promise<FeedbackRecord> {
    assertUuid(predictionId, 'id');
    const id = predictionId.toLowerCase();
    if (access.restricted) {
      const prediction = (await this.lookup.find([id])).get(id);
      if (!prediction || !access.allows(prediction.modelName)) throw noFeedback(predictionId);
    }
    return this.stored(id, predictionId);
  }

  private async stored(id: string, asGiven = id): Promise<FeedbackRecord> {
    const record = await this.repository.findByPredictionId(id);
    if (!record) throw noFeedback(asGiven);
    return record;
  }

  private async prepare(rawId: string, fields: FeedbackFields, access: ModelAccess): Promise<NewFeedback> {
    assertUuid(rawId, 'id');
    const id = rawId.toLowerCase();
    const prediction = (await this.lookup.find([id])).get(id);
    if (!prediction || !access.allows(prediction.modelName)) throw new PredictionNotFoundError(id);
    const prepared = this.preparer.prepare(prediction, fields, 'id');
    if (Array.isArray(prepared)) throw new ValidationFailedError(prepared);
    return prepared;
  }
}

function noFeedback(predictionId: string): DomainError {
  return new DomainError('not_found', `Prediction "${predictionId}" has no feedback`);
}
