import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The drift scheduler's Postgres advisory-lock key (fixed, so every replica contends for the same lock). */
export const DRIFT_LOCK_KEY = 7_358_716_301;

/**
 * A session-level advisory lock held on one pooled connection for the duration of the work. If the
 * process dies, Postgres ends the session and the lock goes with it.
 */
@Injectable()
export class DriftLock {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` under the lock; resolves `false` at once when another session holds it. */
  async withLock<T>(work: () => Promise<T>): Promise<{ locked: false } | { locked: true; value: T }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        DRIFT_LOCK_KEY,
      ])) as {
        locked: boolean;
      }[];
      if (!locked) return { locked: false };
      try {
        return { locked: true, value: await work() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [DRIFT_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
