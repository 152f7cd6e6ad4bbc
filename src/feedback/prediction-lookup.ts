import { Injectable } from '@nestjs/common';
import { PredictionLog } from '../prediction-log/prediction-log';
import { PredictionLogReader } from '../prediction-log/read/prediction-log.reader';
import { PredictionRef } from './feedback.record';

/** Finds the predictions feedback refers to, in the database, where the foreign key needs them. */
@Injectable()
export class PredictionLookup {
  constructor(
    private readonly log: PredictionLog,
    private readonly reader: PredictionLogReader,
  ) {}

  async find(ids: string[]): Promise<Map<string, PredictionRef>> {
    // a prediction answered a moment ago may not have reached Postgres yet
    await this.log.ensureWritten(ids);
    return this.reader.findSummaries(ids);
  }
}
