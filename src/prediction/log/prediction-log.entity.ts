import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The prediction log. Ids are UUIDv7, so the primary key grows in time order; the composite index
 * serves "this model, this version, this time window" (drift, performance) and the BRIN index the
 * plain time-range scans at a fraction of a B-tree's size.
 */
@Entity({ name: 'prediction_log' })
@Index('ix_prediction_log_model_time', ['modelName', 'modelVersion', 'createdAt'])
// BRIN is not expressible in TypeORM metadata: the migration creates it, the schema check leaves it alone
@Index('brin_prediction_log_created_at', { synchronize: false })
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
  outputs: { prediction: string | number; probabilities?: Record<string, number> } | null;

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
}
