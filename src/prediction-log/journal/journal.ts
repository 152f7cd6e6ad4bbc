import { JournalEntry } from './segment';

export { JournalEntry } from './segment';

/**
 * Port for the write-ahead journal of the prediction log: every record is appended here before
 * its response is sent, and stays until Postgres has it. Appends are grouped: `append` queues,
 * `flush` writes everything queued with one write, so a group of records costs one system call.
 * Once `flush` returns, the records are in the kernel: a crash of the process (SIGKILL, OOM, a
 * panic) does not lose them; PREDICTION_LOG_JOURNAL_FSYNC decides how much a power loss can.
 */
export abstract class PredictionLogJournal {
  /** Takes the directory lock and finds what a previous process left (its records are uncommitted). */
  abstract open(): void;
  /** Queues entries for the next flush. Never throws. */
  abstract append(entries: readonly JournalEntry[]): void;
  /**
   * Writes the queued entries and gives each its place; returns those it could not write (the
   * journal is full or the disk fails), which the caller must keep in memory. Never throws.
   */
  abstract flush(): JournalEntry[];
  /** The entries' records are in Postgres; a segment whose records all are is deleted. */
  abstract commit(entries: readonly JournalEntry[]): void;
  /** Moves the replay cursor back to the oldest record not yet committed. */
  abstract rewind(): void;
  /** Up to `max` uncommitted records from the replay cursor on, in append order; [] when caught up. */
  abstract read(max: number): JournalEntry[];
  /** Flushes and releases the lock; files stay while records are uncommitted. */
  abstract close(): void;
  /** Records written or queued and not yet committed. */
  abstract get depth(): number;
  /** Bytes on disk. */
  abstract get bytes(): number;
  abstract get maxBytes(): number;
  /** Where the journal lives, for logs and readiness. */
  abstract get location(): string;
}
