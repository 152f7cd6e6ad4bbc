import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The prediction log. UUIDv7 ids keep inserts at the right-hand edge of the primary key;
 * the composite index serves per-model time windows, and BRIN serves raw time-range scans.
 * Partitioning by created_at (monthly) is the next step at volume: see README "Data model".
 */
export class PredictionLog1763900000000 implements MigrationInterface {
  name = 'PredictionLog1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "prediction_log" (
        "id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "status" text NOT NULL,
        "error_class" text,
        "inputs" jsonb NOT NULL,
        "metadata" jsonb,
        "outputs" jsonb,
        "predicted_label" text,
        "predicted_value" double precision,
        "latency_ms" double precision NOT NULL,
        "request_id" text,
        "trace_id" text,
        "source" text NOT NULL DEFAULT 'v1',
        CONSTRAINT "pk_prediction_log" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_prediction_log_model_time" ON "prediction_log" ("model_name", "model_version", "created_at")`,
    );
    await q.query(
      `CREATE INDEX "brin_prediction_log_created_at" ON "prediction_log" USING brin ("created_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "prediction_log"`);
  }
}
