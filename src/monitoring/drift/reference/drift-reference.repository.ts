import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DriftReferenceEntity } from './drift-reference.entity';
import { StoredReference } from './profile.types';

/** A logged prediction as the reference builder reads it. */
export interface LoggedRow {
  inputs: unknown;
  predicted_label: string | null;
  predicted_value: number | null;
}

/** Port for reference profiles and the log window they can be built from. */
export abstract class DriftReferenceRepository {
  abstract find(modelName: string, modelVersion: string): Promise<StoredReference | undefined>;
  /** Stores a profile built from reference.csv, unless the version has a window reference. */
  abstract saveFileProfile(ref: StoredReference): Promise<void>;
  /** Stores a window profile, replacing whatever the version had. */
  abstract replace(ref: StoredReference): Promise<void>;
  abstract remove(modelName: string, modelVersion: string): Promise<boolean>;
  /** Successful v1 predictions in [from, to): how many, and a uniform sample of at most `limit`. */
  abstract sampleLog(
    modelName: string,
    modelVersion: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<{ total: number; rows: LoggedRow[] }>;
}

const UPSERT = `
INSERT INTO drift_reference (id, model_name, model_version, source, source_digest, window_start, window_end,
  source_rows, profile, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT ON CONSTRAINT uq_drift_reference_model_version DO UPDATE SET
  id = EXCLUDED.id, source = EXCLUDED.source, source_digest = EXCLUDED.source_digest,
  window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, source_rows = EXCLUDED.source_rows,
  profile = EXCLUDED.profile, created_at = EXCLUDED.created_at`;

const WINDOW = `FROM prediction_log WHERE model_name = $1 AND model_version = $2 AND created_at >= $3
  AND created_at < $4 AND status = 'success' AND source = 'v1'`;

function toStored(e: DriftReferenceEntity): StoredReference {
  return { ...e, sourceRows: Number(e.sourceRows) };
}

@Injectable()
export class TypeOrmDriftReferenceRepository extends DriftReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async find(modelName: string, modelVersion: string): Promise<StoredReference | undefined> {
    const row = await this.dataSource
      .getRepository(DriftReferenceEntity)
      .findOneBy({ modelName, modelVersion });
    return row ? toStored(row) : undefined;
  }

  private params(r: StoredReference): unknown[] {
    return [
      r.id,
      r.modelName,
      r.modelVersion,
      r.source,
      r.sourceDigest,
      r.windowStart?.toISOString() ?? null,
      r.windowEnd?.toISOString() ?? null,
      r.sourceRows,
      JSON.stringify(r.profile),
      r.createdAt.toISOString(),
    ];
  }

  async saveFileProfile(ref: StoredReference): Promise<void> {
    // two replicas may build the same profile at once; neither may replace a window reference
    await this.dataSource.query(`${UPSERT} WHERE drift_reference.source = 'file'`, this.params(ref));
  }

  async replace(ref: StoredReference): Promise<void> {
    await this.dataSource.query(UPSERT, this.params(ref));
  }

  async remove(modelName: string, modelVersion: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DriftReferenceEntity)
      .delete({ modelName, modelVersion });
    return (result.affected ?? 0) > 0;
  }

  async sampleLog(
    modelName: string,
    modelVersion: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<{ total: number; rows: LoggedRow[] }> {
    const params = [modelName, modelVersion, from.toISOString(), to.toISOString()];
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n ${WINDOW}`, params)) as {
      n: number;
    }[];
    // a bounded top-N sort: memory stays at `limit` rows however large the window
    const rows = (await this.dataSource.query(
      `SELECT inputs, predicted_label, predicted_value ${WINDOW} ORDER BY random() LIMIT $5`,
      [...params, limit],
    )) as LoggedRow[];
    return { total: n, rows };
  }
}
