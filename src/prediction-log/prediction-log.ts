import { Injectable } from '@nestjs/common';
import { PredictionLogReader } from './read/prediction-log.reader';
import { PredictionRecord } from './record/prediction-record';
import { PredictionLogWriter } from './prediction-log.writer';

/** The log pipeline's state, for readiness and operators. */
export interface PredictionLogStatus {
  /** Records waiting in memory for Postgres. */
  queueDepth: number;
  /** Records in the disk journal not yet in Postgres. */
  journalDepth: number;
  journalBytes: number;
  journalMaxBytes: number;
  /** Postgres is failing (or was until lately): records go to the journal and are replayed. */
  degraded: boolean;
  /** False when records are about to be dropped: memory and journal both near their bounds. */
  keepingUp: boolean;
}

/**
 * The door to the prediction log for every other module: record what was answered, find a
 * prediction by id, make sure given ids are written, report status. Records come from
 * PredictionRecordFactory; aggregate reads go through PredictionLogReader and the read models in
 * read/log-window.ts. See docs/prediction-log.md.
 */
@Injectable()
export class PredictionLog {
  constructor(
    private readonly writer: PredictionLogWriter,
    private readonly reader: PredictionLogReader,
  ) {}

  /** False when PREDICTION_LOG_ENABLED=false: callers need not even build records. */
  get enabled(): boolean {
    return this.writer.enabled;
  }

  /**
   * Logs the records of one request. Call it before the response is sent; it never blocks on
   * the database and never throws (the prediction has been served).
   */
  record(records: readonly PredictionRecord[]): void {
    this.writer.enqueueAll(records as PredictionRecord[]);
  }

  /** A logged prediction, whether it is still on its way to Postgres or already there. */
  async find(id: string): Promise<PredictionRecord | undefined> {
    return this.writer.findPending(id) ?? (await this.reader.findById(id));
  }

  /** Resolves once those of `ids` that were recorded here are in Postgres (feedback's foreign key). */
  async ensureWritten(ids: readonly string[]): Promise<void> {
    if (ids.some((id) => this.writer.findPending(id) !== undefined)) await this.writer.flush();
  }

  status(): PredictionLogStatus {
    return {
      queueDepth: this.writer.depth,
      journalDepth: this.writer.journalDepth,
      journalBytes: this.writer.journalBytes,
      journalMaxBytes: this.writer.journalMaxBytes,
      degraded: this.writer.degraded,
      keepingUp: this.writer.keepingUp,
    };
  }

  /** At shutdown, after the last request: writes or journals everything still in memory. */
  close(): Promise<void> {
    return this.writer.shutdown();
  }
}
