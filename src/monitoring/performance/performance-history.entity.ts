import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One scheduled performance computation for one model version and window. The headline figures
 * are typed columns (to chart and filter on); the full report, confusion matrix included, is jsonb.
 */
@Entity({ name: 'model_performance_history' })
@Index('ix_model_performance_history_lookup', ['modelName', 'modelVersion', 'timeWindow', 'computedAt'])
@Check('ck_model_performance_history_status', `status IN ('ok', 'insufficient_data')`)
export class PerformanceHistoryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_model_performance_history' })
  id: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  /** The window as configured, e.g. "24h" (`window` is a reserved word in SQL). */
  @Column({ name: 'time_window', type: 'text' })
  timeWindow: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  @Column({ type: 'text' })
  task: 'classification' | 'regression';

  @Column({ name: 'prediction_count', type: 'integer' })
  predictionCount: number;

  @Column({ name: 'labelled_count', type: 'integer' })
  labelledCount: number;

  /** `insufficient_data`: fewer labelled predictions than `minSample`; its figures were not exported. */
  @Column({ type: 'text', default: 'ok' })
  status: 'ok' | 'insufficient_data';

  /** PERFORMANCE_MIN_SAMPLE when it was computed (null: stored before there was one). */
  @Column({ name: 'min_sample', type: 'integer', nullable: true })
  minSample: number | null;

  @Column({ name: 'label_coverage', type: 'double precision', nullable: true })
  labelCoverage: number | null;

  @Column({ name: 'median_label_delay_seconds', type: 'double precision', nullable: true })
  medianLabelDelaySeconds: number | null;

  @Column({ type: 'jsonb' })
  metrics: object;
}
