import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback (ground truth, one row per prediction, deleted with its prediction) and the history
 * of scheduled model-performance computations.
 */
export class Feedback1763900100000 implements MigrationInterface {
  name = 'Feedback1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "feedback" (
        "id" uuid NOT NULL,
        "prediction_id" uuid NOT NULL,
        "actual_label" text,
        "actual_value" double precision,
        "comment" text,
        "metadata" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_feedback" PRIMARY KEY ("id"),
        CONSTRAINT "uq_feedback_prediction_id" UNIQUE ("prediction_id"),
        CONSTRAINT "ck_feedback_one_actual" CHECK ((actual_label IS NULL) <> (actual_value IS NULL)),
        CONSTRAINT "fk_feedback_prediction" FOREIGN KEY ("prediction_id")
          REFERENCES "prediction_log" ("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`
      CREATE TABLE "model_performance_history" (
        "id" uuid NOT NULL,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "model_name" text NOT NULL,
        "model_version" text NOT NULL,
        "time_window" text NOT NULL,
        "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
        "window_end" TIMESTAMP WITH TIME ZONE NOT NULL,
        "task" text NOT NULL,
        "prediction_count" integer NOT NULL,
        "labelled_count" integer NOT NULL,
        "label_coverage" double precision,
        "median_label_delay_seconds" double precision,
        "metrics" jsonb NOT NULL,
        CONSTRAINT "pk_model_performance_history" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "ix_model_performance_history_lookup" ON "model_performance_history" ("model_name", "model_version", "time_window", "computed_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "model_performance_history"`);
    await q.query(`DROP TABLE "feedback"`);
  }
}
