import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a stored performance computation had enough labels to be trusted, and the minimum it
 * was judged against. Rows written before have no minimum (null) and count as `ok`, as they were
 * then served.
 */
export class PerformanceSampleStatus1764300000000 implements MigrationInterface {
  name = 'PerformanceSampleStatus1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "model_performance_history"
        ADD COLUMN "status" text NOT NULL DEFAULT 'ok',
        ADD COLUMN "min_sample" integer,
        ADD CONSTRAINT "ck_model_performance_history_status" CHECK (status IN ('ok', 'insufficient_data'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "model_performance_history"
        DROP CONSTRAINT "ck_model_performance_history_status",
        DROP COLUMN "min_sample",
        DROP COLUMN "status"`);
  }
}
