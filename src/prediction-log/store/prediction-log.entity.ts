import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How a request reached the version that answered (the model lifecycle sets it; one version: stable). */
export const PREDICTION_ROUTES = ['stable', 'canary', 'shadow'] as const;
export type PredictionRoute = (typeof PREDICTION_ROUTES)[number];

/** What a logged prediction answered: the decoded label or value, with class probabilities. */
export interface LoggedOutputs {
  prediction: string | number;
  probabilities?: Record<string, number>;
}

/**
 * The prediction log, and the one definition of its row: the record type, the COPY and INSERT
 * column lists (store/log-columns.ts) and the journal codec all follow these columns, so a new
 * column is this file plus a migration. Ids are UUIDv7, so the primary key grows in time order;
 * the composite index serves "this model, this version, this time window" (drift, performance)
 * and the BRIN index the plain time-range scans at a fraction of a B-tree's size.
 */
@Entity({ name: 'prediction_log' })
@Index('ix_prediction_log_model_time', ['modelName', 'modelVersion', 'createdAt'])
// BRIN is not expressible in TypeORM metadata: the migration creates it, the schema check leaves it alone
@Index('brin_prediction_log_created_at', { synchronize: false })
@Check('ck_prediction_log_route', `route IN ('stable', 'canary', 'shadow')`)
export class PredictionLogEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_prediction_log' })
  id: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ type: 'text' })
  status: 'success' | 'error';

  @Column({ name: 'error_class', type: 'text', nullable: true })
  errorClass: string | null;

  @Column({ type: 'jsonb' })
  inputs: unknown;

  @Column({ type: 'jsonb', nullable: true })
  metadata: unknown;

  @Column({ type: 'jsonb', nullable: true })
  outputs: LoggedOutputs | null;

  @Column({ name: 'predicted_label', type: 'text', nullable: true })
  predictedLabel: string | null;

  @Column({ name: 'predicted_value', type: 'double precision', nullable: true })
  predictedValue: number | null;

  @Column({ name: 'latency_ms', type: 'double precision' })
  latencyMs: number;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'trace_id', type: 'text', nullable: true })
  traceId: string | null;

  @Column({ type: 'text', default: 'v1' })
  source: 'v1' | 'v2';

  @Column({ type: 'text', default: 'stable' })
  route: PredictionRoute;

  /** A shadow record's primary prediction: the one the caller was answered with. */
  @Column({ name: 'primary_id', type: 'uuid', nullable: true })
  primaryId: string | null;

  /** Answered from the prediction cache rather than by running the model. */
  @Column({ type: 'boolean', default: false })
  cached: boolean;
}
