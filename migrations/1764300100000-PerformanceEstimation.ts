import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Estimated performance (CBPE): what each version's labelled reference taught it, and the history
 * of scheduled estimates.
 */
export class PerformanceEstimation1764300100000 implements MigrationInterface {
  name = 'PerformanceEstimation1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "performance_reference" (
        "id" uuid NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "source_digest" text NOT NULL,
        "rows" integer NOT NULL,
        "probability_source" text NOT NULL,
        "model" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_performance_reference" PRIMARY KEY ("id"),
        CONSTRAINT "uq_performance_reference_version" UNIQUE ("model_name", "model_version")
      )`);
    await q.query(`
      CREATE TABLE "model_performance_estimate" (
        "id" uuid NOT NULL,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "time_window" text NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "window_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" text NOT NULL,
        "verdict" text,
        "scored_count" integer NOT NULL,
        "labelled_count" integer NOT NULL,
        "estimated_accuracy" double precision,
        "estimate" jsonb NOT NULL,
        CONSTRAINT "pk_model_performance_estimate" PRIMARY KEY ("id"),
        CONSTRAINT "ck_model_performance_estimate_status" CHECK (status IN ('ok', 'insufficient_data', 'unavailable'))
      )`);
    await q.query(
      `CREATE INDEX "ix_model_performance_estimate_lookup" ON "model_performance_estimate" ("model_name", "model_version", "time_window", "computed_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "model_performance_estimate"`);
    await q.query(`DROP TABLE "performance_reference"`);
  }
}
