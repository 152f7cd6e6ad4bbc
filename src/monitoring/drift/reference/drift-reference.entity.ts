import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { ReferenceProfile } from './profile.types';

/**
 * The reference profile of one model version (one row per version): built from reference.csv,
 * or from a window of logged predictions through the API, and read by every drift run.
 */
@Entity({ name: 'drift_reference' })
@Unique('uq_drift_reference_model_version', ['modelName', 'modelVersion'])
export class DriftReferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_drift_reference' })
  id: string;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ type: 'text' })
  source: 'file' | 'window';

  /** sha256 of reference.csv, so an edited file replaces a stale profile. */
  @Column({ name: 'source_digest', type: 'text', nullable: true })
  sourceDigest: string | null;

  @Column({ name: 'window_start', type: 'timestamptz', nullable: true })
  windowStart: Date | null;

  @Column({ name: 'window_end', type: 'timestamptz', nullable: true })
  windowEnd: Date | null;

  /** Rows in the source; more than the profile holds when a large window was sampled. */
  @Column({ name: 'source_rows', type: 'integer' })
  sourceRows: number;

  @Column({ type: 'jsonb' })
  profile: ReferenceProfile;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
