import { Injectable } from '@nestjs/common';
import { PredictionLogReader } from './read/prediction-log.reader';
import { PredictionRecord } from './record/prediction-record';
import { PredictionLogWriter } from './writer/prediction-log.writer';

// a feedback request waits at most this long for its prediction to reach Postgres
const ENSURE_WRITTEN_TIMEOUT_MS = 5000;

/** The log pipeline's state, for readiness and operators. */
export interface PredictionLogStatus {
  /** Records waiting in memory for Postgres. */
  queueDepth: number;
  /** Records in the disk journal not yet in Postgres. */
  journalDepth: number;
  journalBytes: number;
  journalMaxBytes: number;
  /** Postgres is failing (or was until lately), or memory filled up: records are replayed from the journal. */
  degraded: boolean;
  /** Replaying the journal a previous process left (a crash): not ready to serve until it is done. */
  recovering: boolean;
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

  /**
   * Resolves once those of `ids` recorded by this process are in Postgres (feedback's foreign key
   * needs them), or after `timeoutMs` when Postgres cannot take them.
   */
  ensureWritten(ids: readonly string[], timeoutMs = ENSURE_WRITTEN_TIMEOUT_MS): Promise<void> {
    return this.writer.waitForWritten(ids, timeoutMs);
  }

  status(): PredictionLogStatus {
    return {
      queueDepth: this.writer.depth,
      journalDepth: this.writer.journalDepth,
      journalBytes: this.writer.journalBytes,
      journalMaxBytes: this.writer.journalMaxBytes,
      degraded: this.writer.degraded,
      recovering: this.writer.replayingLeftovers,
      keepingUp: this.writer.keepingUp,
    };
  }

  /** At shutdown, after the last request: writes or journals everything still in memory. */
  close(): Promise<void> {
    return this.writer.shutdown();
  }
}
