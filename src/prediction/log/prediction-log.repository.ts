import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PredictionLogEntity } from './prediction-log.entity';
import { PredictionRecord } from './prediction-record';

/** Port for the prediction log store; the writer and the read API depend on this, not on TypeORM. */
export abstract class PredictionLogRepository {
  /** Inserts the batch; a record whose id already exists is skipped, so replays are harmless. */
  abstract insertMany(records: PredictionRecord[]): Promise<number>;
  abstract findById(id: string): Promise<PredictionRecord | undefined>;
}

const INSERT = `
INSERT INTO prediction_log (id, created_at, model_name, model_version, status, error_class, inputs, metadata,
  outputs, predicted_label, predicted_value, latency_ms, request_id, trace_id, source)
SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[],
  $8::jsonb[], $9::jsonb[], $10::text[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::text[])
ON CONFLICT (id) DO NOTHING`;

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

@Injectable()
export class TypeOrmPredictionLogRepository extends PredictionLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insertMany(records: PredictionRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    // one statement with column arrays: ~20x the rate of row-by-row inserts, and one round trip
    const cols: unknown[][] = Array.from({ length: 15 }, () => new Array(records.length));
    records.forEach((r, i) => {
      const row = [
        r.id,
        r.createdAt.toISOString(),
        r.modelName,
        r.modelVersion,
        r.status,
        r.errorClass,
        json(r.inputs) ?? '{}',
        json(r.metadata),
        json(r.outputs),
        r.predictedLabel,
        r.predictedValue,
        r.latencyMs,
        r.requestId,
        r.traceId,
        r.source,
      ];
      for (let c = 0; c < row.length; c++) cols[c][i] = row[c];
    });
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(INSERT, cols, true);
      return result.affected ?? records.length;
    } finally {
      await runner.release();
    }
  }

  async findById(id: string): Promise<PredictionRecord | undefined> {
    const row = await this.dataSource.getRepository(PredictionLogEntity).findOneBy({ id });
    return row ? { ...row, metadata: row.metadata ?? null } : undefined;
  }
}
