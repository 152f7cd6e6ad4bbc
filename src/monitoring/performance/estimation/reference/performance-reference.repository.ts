import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PerformanceReferenceEntity } from './performance-reference.entity';

/** Port for the stored CBPE references: one per model version. */
export abstract class PerformanceReferenceRepository {
  abstract find(modelName: string, modelVersion: string): Promise<PerformanceReferenceEntity | null>;
  /** Stores it, replacing the version's previous one (a replica may have learned it at the same time). */
  abstract save(ref: PerformanceReferenceEntity): Promise<void>;
}

@Injectable()
export class TypeOrmPerformanceReferenceRepository extends PerformanceReferenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  find(modelName: string, modelVersion: string): Promise<PerformanceReferenceEntity | null> {
    return this.dataSource.getRepository(PerformanceReferenceEntity).findOneBy({ modelName, modelVersion });
  }

  async save(ref: PerformanceReferenceEntity): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PerformanceReferenceEntity)
      .values(ref)
      .orUpdate(
        ['id', 'source_digest', 'rows', 'probability_source', 'model', 'created_at'],
        ['model_name', 'model_version'],
      )
      .execute();
  }
}
