import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { EstimatedPerformance } from './estimation.types';

/** One scheduled estimate for one model version and window: headline columns, the full estimate as jsonb. */
@Entity({ name: 'model_performance_estimate' })
@Index('ix_model_performance_estimate_lookup', ['modelName', 'modelVersion', 'timeWindow', 'computedAt'])
@Check('ck_model_performance_estimate_status', `status IN ('ok', 'insufficient_data', 'unavailable')`)
export class EstimateHistoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_model_performance_estimate' })
  id: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ name: 'time_window', type: 'text' })
  timeWindow: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'text' })
  status: EstimatedPerformance['status'];

  /** ok, degraded or insufficient_data; null when no estimate could be made. */
  @Column({ type: 'text', nullable: true })
  verdict: EstimatedPerformance['verdict'];

  @Column({ name: 'scored_count', type: 'integer' })
  scoredCount: number;

  @Column({ name: 'labelled_count', type: 'integer' })
  labelledCount: number;

  /** Estimated accuracy, to chart and filter on without reading the jsonb. */
  @Column({ name: 'estimated_accuracy', type: 'double precision', nullable: true })
  estimatedAccuracy: number | null;

  @Column({ type: 'jsonb' })
  estimate: EstimatedPerformance;
}
