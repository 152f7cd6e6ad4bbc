import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
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
  async submit(predictionId: string, fields: FeedbackFields): Promise<FeedbackResult> {
    const item = await this.prepare(predictionId, fields);
    const [outcome] = await this.repository.submit([item], this.clock.now());
    if (outcome.status === 'conflict') throw new FeedbackConflictError(item.predictionId, outcome.existing!);
    return { record: await this.get(item.predictionId), created: outcome.status === 'created' };
  }

  /** Stores the actual whatever was there before (PUT). */
  async replace(predictionId: string, fields: FeedbackFields): Promise<FeedbackResult> {
    const item = await this.prepare(predictionId, fields);
    return this.repository.replace(item, this.clock.now());
  }

  async get(predictionId: string): Promise<FeedbackRecord> {
    assertUuid(predictionId, 'id');
    const record = await this.repository.findByPredictionId(predictionId.toLowerCase());
    if (!record) throw new DomainError('not_found', `Prediction "${predictionId}" has no feedback`);
    return record;
  }

  private async prepare(rawId: string, fields: FeedbackFields): Promise<NewFeedback> {
    assertUuid(rawId, 'id');
    const id = rawId.toLowerCase();
    const prediction = (await this.lookup.find([id])).get(id);
    if (!prediction) throw new PredictionNotFoundError(id);
    const prepared = this.preparer.prepare(prediction, fields, 'id');
    if (Array.isArray(prepared)) throw new ValidationFailedError(prepared);
    return prepared;
  }
}
