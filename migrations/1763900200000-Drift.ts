import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drift monitoring: the reference profile of each model version and the report of each run.
 * The unique (model, version, slot) lets replicas claim a scheduled tick; manual runs have no slot
 * (NULLs never collide).
 */
export class Drift1763900200000 implements MigrationInterface {
  name = 'Drift1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "drift_reference" (
        "id" uuid NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "source" text NOT NULL,
        "source_digest" text,
        "window_start" TIMESTAMP WITH TIME ZONE,
        "window_end" TIMESTAMP WITH TIME ZONE,
        "source_rows" integer NOT NULL,
        "profile" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_drift_reference" PRIMARY KEY ("id"),
        CONSTRAINT "uq_drift_reference_model_version" UNIQUE ("model_name", "model_version")
      )`);
    await q.query(`
      CREATE TABLE "drift_report" (
        "id" uuid NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "trigger" text NOT NULL,
        "status" text NOT NULL,
        "slot" bigint,
        "runner" text NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "window_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "current_rows" integer,
        "drift_share" double precision,
        "dataset_drift" boolean,
        "report" jsonb,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_drift_report" PRIMARY KEY ("id"),
        CONSTRAINT "uq_drift_report_slot" UNIQUE ("model_name", "model_version", "slot")
      )`);
    await q.query(
      `CREATE INDEX "ix_drift_report_model_time" ON "drift_report" ("model_name", "model_version", "created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "drift_report"`);
    await q.query(`DROP TABLE "drift_reference"`);
  }
}
