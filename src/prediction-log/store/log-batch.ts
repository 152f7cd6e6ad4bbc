import { PredictionRecord } from '../record/prediction-record';
import { copyLine } from './copy-rows';
import { COLUMN_NAMES } from './log-columns';

/** One write to Postgres: rows in COPY text format, as memory or the journal holds them. */
export interface LogBatch {
  /** The columns of each row, in order (a journal segment written by an older version may have fewer). */
  columns: readonly string[];
  /** One row per record, each ending in a newline. */
  rows: readonly Buffer[];
  /** The records themselves when the batch comes from memory (their trace context); absent on replay. */
  records?: readonly PredictionRecord[];
}

/** A batch of records encoded here (tests, and callers without a journal). */
export function batchOf(records: readonly PredictionRecord[]): LogBatch {
  return { columns: COLUMN_NAMES, rows: records.map((r) => Buffer.from(`${copyLine(r)}\n`)), records };
}
