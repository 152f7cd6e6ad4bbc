import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How each logged prediction was routed: the traffic side that answered (stable, canary,
 * shadow), a shadow record's primary prediction, and whether the answer came from the cache.
 * Constant defaults, so existing rows are filled without a table rewrite.
 */
export class PredictionLogRoute1764100000000 implements MigrationInterface {
  name = 'PredictionLogRoute1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "prediction_log"
        ADD COLUMN "route" text NOT NULL DEFAULT 'stable',
        ADD COLUMN "primary_id" uuid,
        ADD COLUMN "cached" boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT "ck_prediction_log_route" CHECK (route IN ('stable', 'canary', 'shadow'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "prediction_log"
        DROP CONSTRAINT "ck_prediction_log_route",
        DROP COLUMN "cached",
        DROP COLUMN "primary_id",
        DROP COLUMN "route"`);
  }
}
