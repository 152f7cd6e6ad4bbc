import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { CbpeModel } from '../cbpe/cbpe-model';

/**
 * What estimated performance learned from a version's labelled reference (calibrators, sampling
 * error components, alert thresholds), stored once so a window never re-reads reference.csv. The
 * file's sha256 says when it must be learned again.
 */
@Entity({ name: 'performance_reference' })
@Unique('uq_performance_reference_version', ['modelName', 'modelVersion'])
export class PerformanceReferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_performance_reference' })
  id: string;

  @Column({ name: 'model_name', type: 'text' })
  modelName: string;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion: string;

  @Column({ name: 'source_digest', type: 'text' })
  sourceDigest: string;

  /** Labelled reference rows CBPE was fitted on. */
  @Column({ type: 'integer' })
  rows: number;

  /** Where the probabilities came from: the file's __proba_<label>__ columns, or the model run on it. */
  @Column({ name: 'probability_source', type: 'text' })
  probabilitySource: 'file' | 'model';

  @Column({ type: 'jsonb' })
  model: CbpeModel;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
