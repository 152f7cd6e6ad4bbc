import { Check, Column, Entity, ForeignKey, PrimaryColumn, Unique } from 'typeorm';
import { PredictionLogEntity } from '../prediction-log/store/prediction-log.entity';

/**
 * Ground truth for one prediction. At most one row per prediction (a replacement updates it in
 * place), and it goes when its prediction goes: retention on the log must not leave orphans.
 */
@Entity({ name: 'feedback' })
@Unique('uq_feedback_prediction_id', ['predictionId'])
@Check('ck_feedback_one_actual', '(actual_label IS NULL) <> (actual_value IS NULL)')
export class FeedbackEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_feedback' })
  id: string;

  @Column({ name: 'prediction_id', type: 'uuid' })
  @ForeignKey(() => PredictionLogEntity, 'id', { name: 'fk_feedback_prediction', onDelete: 'CASCADE' })
  predictionId: string;

  /** The true class (classification models); exactly one of label and value is set. */
  @Column({ name: 'actual_label', type: 'text', nullable: true })
  actualLabel: string | null;

  /** The true value (regression models). */
  @Column({ name: 'actual_value', type: 'double precision', nullable: true })
  actualValue: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metadata: unknown;

  /** When the label first arrived: the label delay is measured to here, a later correction keeps it. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
