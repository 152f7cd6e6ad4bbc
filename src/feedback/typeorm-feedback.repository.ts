import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedbackEntity } from './feedback.entity';
import { FeedbackRecord, NewFeedback, SubmitOutcome } from './feedback.record';
import { FeedbackRepository } from './feedback.repository';

// One statement for the whole batch. The outer SELECT reads the snapshot from before the INSERT,
// so for an item that was not inserted it sees the feedback that was already there.
const SUBMIT = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::text[], $6::jsonb[])
    AS t(id, prediction_id, actual_label, actual_value, comment, metadata)
), inserted AS (
  INSERT INTO feedback (id, prediction_id, actual_label, actual_value, comment, metadata, created_at, updated_at)
  SELECT id, prediction_id, actual_label, actual_value, comment, metadata, $7, $7 FROM input
  ON CONFLICT ON CONSTRAINT uq_feedback_prediction_id DO NOTHING
  RETURNING prediction_id
)
SELECT i.prediction_id, ins.prediction_id IS NOT NULL AS created, f.actual_label, f.actual_value
FROM input i
LEFT JOIN inserted ins ON ins.prediction_id = i.prediction_id
LEFT JOIN feedback f ON f.prediction_id = i.prediction_id AND ins.prediction_id IS NULL`;

const FIND_ACTUALS = `SELECT prediction_id, actual_label, actual_value FROM feedback WHERE prediction_id = ANY($1::uuid[])`;

const REPLACE = `
INSERT INTO feedback (id, prediction_id, actual_label, actual_value, comment, metadata, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7)
ON CONFLICT ON CONSTRAINT uq_feedback_prediction_id DO UPDATE SET
  actual_label = EXCLUDED.actual_label, actual_value = EXCLUDED.actual_value,
  comment = EXCLUDED.comment, metadata = EXCLUDED.metadata, updated_at = EXCLUDED.updated_at
RETURNING *, (xmax = 0) AS inserted`;

interface ActualRow {
  prediction_id: string;
  actual_label: string | null;
  actual_value: number | null;
}

interface FeedbackRow extends ActualRow {
  id: string;
  comment: string | null;
  metadata: unknown;
  created_at: Date;
  updated_at: Date;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const sameActual = (a: ActualRow, item: NewFeedback): boolean =>
  a.actual_label === item.actualLabel && a.actual_value === item.actualValue;

function toRecord(row: FeedbackRow): FeedbackRecord {
  return {
    id: row.id,
    predictionId: row.prediction_id,
    actualLabel: row.actual_label,
    actualValue: row.actual_value,
    comment: row.comment,
    metadata: row.metadata ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

@Injectable()
export class TypeOrmFeedbackRepository extends FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async submit(items: NewFeedback[], now: Date): Promise<SubmitOutcome[]> {
    if (items.length === 0) return [];
    const columns = [
      items.map((i) => i.id),
      items.map((i) => i.predictionId),
      items.map((i) => i.actualLabel),
      items.map((i) => i.actualValue),
      items.map((i) => i.comment),
      items.map((i) => json(i.metadata)),
      now.toISOString(),
    ];
    const rows: (ActualRow & { created: boolean })[] = await this.dataSource.query(SUBMIT, columns);
    const byId = new Map(rows.map((r) => [r.prediction_id, r]));
    // a concurrent request may have inserted after our snapshot: read those few again
    const unseen = rows.filter((r) => !r.created && r.actual_label === null && r.actual_value === null);
    if (unseen.length > 0) {
      const again: ActualRow[] = await this.dataSource.query(FIND_ACTUALS, [
        unseen.map((r) => r.prediction_id),
      ]);
      for (const a of again) byId.set(a.prediction_id, { ...a, created: false });
    }
    return items.map((item): SubmitOutcome => {
      const row = byId.get(item.predictionId)!;
      if (row.created) return { predictionId: item.predictionId, status: 'created' };
      if (sameActual(row, item)) return { predictionId: item.predictionId, status: 'unchanged' };
      return {
        predictionId: item.predictionId,
        status: 'conflict',
        existing: (row.actual_label ?? row.actual_value) as string | number,
      };
    });
  }

  async replace(item: NewFeedback, now: Date): Promise<{ record: FeedbackRecord; created: boolean }> {
    const at = now.toISOString();
    const params = [
      item.id,
      item.predictionId,
      item.actualLabel,
      item.actualValue,
      item.comment,
      json(item.metadata),
      at,
    ];
    const rows: (FeedbackRow & { inserted: boolean })[] = await this.dataSource.query(REPLACE, params);
    return { record: toRecord(rows[0]), created: rows[0].inserted };
  }

  async findByPredictionId(predictionId: string): Promise<FeedbackRecord | undefined> {
    const row = await this.dataSource.getRepository(FeedbackEntity).findOneBy({ predictionId });
    return row ? { ...row, metadata: row.metadata ?? null } : undefined;
  }
}
