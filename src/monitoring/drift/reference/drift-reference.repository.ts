import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DriftReferenceEntity } from './drift-reference.entity';
import { StoredReference } from './profile.types';

/** Port for reference profiles. */
export abstract class DriftReferenceRepository {
  abstract find(modelName: string, modelVersion: string): Promise<StoredReference | undefined>;
  /** Stores a profile built from reference.csv, unless the version has a window reference. */
  abstract saveFileProfile(ref: StoredReference): Promise<void>;
  /** Stores a window profile, replacing whatever the version had. */
  abstract replace(ref: StoredReference): Promise<void>;
  abstract remove(modelName: string, modelVersion: string): Promise<boolean>;
}

const UPSERT = `
INSERT INTO drift_reference (id, model_name, model_version, source, source_digest, window_start, window_end,
  source_rows, profile, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
ON CONFLICT ON CONSTRAINT uq_drift_reference_model_version DO UPDATE SET
  id = EXCLUDED.id, source = EXCLUDED.source, source_digest = EXCLUDED.source_digest,
  window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, source_rows = EXCLUDED.source_rows,
  profile = EXCLUDED.profile, created_at = EXCLUDED.created_at`;

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
}
