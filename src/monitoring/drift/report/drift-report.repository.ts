import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, LessThan } from 'typeorm';
import { ReadDatabase } from '../../../database/read-database';
import { DriftReportEntity } from './drift-report.entity';

/** Port for drift run reports. */
export abstract class DriftReportRepository {
  /** Inserts the run's row; false when a scheduled slot was already claimed (by another replica). */
  abstract claim(row: DriftReportEntity): Promise<boolean>;
  abstract finish(row: DriftReportEntity): Promise<void>;
  abstract latestCompleted(modelName: string, modelVersion: string): Promise<DriftReportEntity | undefined>;
  abstract findById(modelName: string, id: string): Promise<DriftReportEntity | undefined>;
  /** Newest first; `before` is the id of the last item of the previous page. */
  abstract history(
    modelName: string,
    modelVersion: string | undefined,
    limit: number,
    before?: string,
  ): Promise<DriftReportEntity[]>;
  /** The latest completed run of every model version (gauges after a restart). */
  abstract latestPerVersion(): Promise<DriftReportEntity[]>;
}

@Injectable()
export class TypeOrmDriftReportRepository extends DriftReportRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly read: ReadDatabase,
  ) {
    super();
  }

  private get repo() {
    return this.dataSource.getRepository(DriftReportEntity);
  }

  /** The API's reads of reports may trail the primary by the replica's lag. */
  private get reports() {
    return this.read.reads('drift_reports').getRepository(DriftReportEntity);
  }

  async claim(row: DriftReportEntity): Promise<boolean> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO drift_report (id, model_name, model_version, trigger, status, slot, runner, window_start,
         window_end, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT uq_drift_report_slot DO NOTHING RETURNING id`,
      [
        row.id,
        row.modelName,
        row.modelVersion,
        row.trigger,
        row.status,
        row.slot,
        row.runner,
        row.windowStart.toISOString(),
        row.windowEnd.toISOString(),
        row.createdAt.toISOString(),
      ],
    )) as unknown[];
    return inserted.length > 0;
  }

  async finish(row: DriftReportEntity): Promise<void> {
    const { id, ...rest } = row;
    await this.repo.update({ id }, rest);
  }

  async latestCompleted(modelName: string, modelVersion: string): Promise<DriftReportEntity | undefined> {
    const row = await this.reports.findOne({
      where: { modelName, modelVersion, status: 'completed' },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return row ?? undefined;
  }

  async findById(modelName: string, id: string): Promise<DriftReportEntity | undefined> {
    return (await this.reports.findOneBy({ modelName, id })) ?? undefined;
  }

  async history(
    modelName: string,
    modelVersion: string | undefined,
    limit: number,
    before?: string,
  ): Promise<DriftReportEntity[]> {
    const where: FindOptionsWhere<DriftReportEntity> = { modelName };
    if (modelVersion !== undefined) where.modelVersion = modelVersion;
    // ids are UUIDv7: their order is creation order
    if (before !== undefined) where.id = LessThan(before);
    return this.reports.find({ where, order: { id: 'DESC' }, take: limit });
  }

  async latestPerVersion(): Promise<DriftReportEntity[]> {
    return this.repo
      .createQueryBuilder('r')
      .distinctOn(['r.model_name', 'r.model_version'])
      .where('r.status = :status', { status: 'completed' })
      .orderBy('r.model_name')
      .addOrderBy('r.model_version')
      .addOrderBy('r.created_at', 'DESC')
      .getMany();
  }
}
