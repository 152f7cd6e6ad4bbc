import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { DriftReport } from './drift-report.types';

/**
 * One drift run. The headline figures are typed columns (history lists and filters use them); the
 * full report is jsonb. A scheduled run claims its (model, version, slot) row first, which is how
 * replicas sharing the database run each tick once.
 */
@Entity({ name: 'drift_report' })
@Index('ix_drift_report_model_time', ['modelName', 'modelVersion', 'createdAt'])
@Unique('uq_drift_report_slot', ['modelName', 'modelVersion', 'slot'])
export class DriftReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_drift_report' })
  id: string;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ type: 'text' })
  trigger: 'manual' | 'schedule';

  @Column({ type: 'text' })
  status: 'running' | 'completed' | 'failed';

  /** floor(epoch seconds / DRIFT_INTERVAL_SECONDS) of a scheduled run; null for manual runs. */
  @Column({ type: 'bigint', nullable: true })
  slot: string | null;

  /** The replica that ran it (host:pid). */
  @Column({ type: 'text' })
  runner: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  @Column({ name: 'window_end', type: 'timestamptz' })
  windowEnd: Date;

  @Column({ name: 'current_rows', type: 'integer', nullable: true })
  currentRows: number | null;

  @Column({ name: 'drift_share', type: 'double precision', nullable: true })
  driftShare: number | null;

  @Column({ name: 'dataset_drift', type: 'boolean', nullable: true })
  datasetDrift: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  report: DriftReport | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
