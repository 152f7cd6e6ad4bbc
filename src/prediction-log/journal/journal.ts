import { PredictionRecord } from '../record/prediction-record';

/** Records read from the journal; `commit` marks them replayed once Postgres has them. */
export interface JournalBatch {
  records: PredictionRecord[];
  commit(): void;
}

/**
 * Port for the append-only journal that holds prediction log records while Postgres cannot take
 * them. Appends are synchronous, so a record the caller was told is journaled is in the kernel
 * before the HTTP response leaves: a crash of the process (even SIGKILL) does not lose it.
 */
export abstract class PredictionLogJournal {
  /** Takes the directory lock and counts what a previous process left behind. */
  abstract open(): void;
  /** Appends records in order; returns how many fit (a prefix) before the size bound. Never throws. */
  abstract append(records: PredictionRecord[]): number;
  /** The oldest uncommitted records, at most `max`; undefined when the journal is empty. */
  abstract read(max: number): JournalBatch | undefined;
  /** Flushes to disk and releases the lock; the files stay when records are left to replay. */
  abstract close(): void;
  /** Records appended and not yet committed. */
  abstract get depth(): number;
  /** Bytes on disk, replayed-but-not-yet-deleted included. */
  abstract get bytes(): number;
  abstract get maxBytes(): number;
  /** Where the journal lives, for logs and readiness. */
  abstract get location(): string;
}
