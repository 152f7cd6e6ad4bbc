import { Injectable } from '@nestjs/common';
import { PredictionLogWriter } from '../prediction/log/prediction-log.writer';
import { PredictionRef } from './feedback.record';
import { FeedbackRepository } from './feedback.repository';

/** Finds the predictions feedback refers to, in the database, where the foreign key needs them. */
@Injectable()
export class PredictionLookup {
  constructor(
    private readonly writer: PredictionLogWriter,
    private readonly repository: FeedbackRepository,
  ) {}

  async find(ids: string[]): Promise<Map<string, PredictionRef>> {
    // a prediction answered a moment ago may still sit in the log writer's buffer: write it first
    if (ids.some((id) => this.writer.findPending(id) !== undefined)) await this.writer.flush();
    return this.repository.findPredictions(ids);
  }
}
