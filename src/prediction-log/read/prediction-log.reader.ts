import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadDatabase } from '../../database/read-database';
import { SqlParams } from '../../database/sql-params';
import { PredictionRecord } from '../record/prediction-record';
import { PredictionLogEntity } from '../store/prediction-log.entity';
import { LogWindow, servedWindowSql } from './log-window';

/** What another module needs to know about a logged prediction it refers to (feedback does). */
export interface PredictionSummary {
  id: string;
  modelName: string;
  modelVersion: string;
  status: 'success' | 'error';
  errorClass: string | null;
  createdAt: Date;
}

/** A logged prediction as a reference profile is built from it. */
export interface ServedRow {
  inputs: unknown;
  predicted_label: string | null;
  predicted_value: number | null;
}

const SUMMARIES = `
SELECT id, model_name, model_version, status, error_class, created_at
FROM prediction_log WHERE id = ANY($1::uuid[])`;

/**
 * Reads of the stored log (what Postgres has; records still in memory are the facade's). Lookups
 * and windows read the replica when there is one (ReadDatabase); summaries, which feedback's
 * foreign key depends on, read the primary.
 */
@Injectable()
export class PredictionLogReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly read: ReadDatabase,
  ) {}

  async findById(id: string): Promise<PredictionRecord | undefined> {
    const replica = this.read.reads('prediction_lookup');
    // a record written a moment ago may not have reached the replica: the primary has it
    let row = await replica.getRepository(PredictionLogEntity).findOneBy({ id });
    if (!row && replica !== this.dataSource)
      row = await this.dataSource.getRepository(PredictionLogEntity).findOneBy({ id });
    return row ? { ...row, metadata: row.metadata ?? null } : undefined;
  }

  /** The stored predictions among `ids`, keyed by id (from the primary: feedback writes against them). */
  async findSummaries(ids: readonly string[]): Promise<Map<string, PredictionSummary>> {
    const found = new Map<string, PredictionSummary>();
    if (ids.length === 0) return found;
    const rows: Record<string, unknown>[] = await this.dataSource.query(SUMMARIES, [ids]);
    for (const r of rows) {
      found.set(r.id as string, {
        id: r.id as string,
        modelName: r.model_name as string,
        modelVersion: r.model_version as string,
        status: r.status as 'success' | 'error',
        errorClass: r.error_class as string | null,
        createdAt: r.created_at as Date,
      });
    }
    return found;
  }

  /** The successful v1 predictions of a window: how many, and a uniform sample of at most `limit`. */
  async sampleServed(window: LogWindow, limit: number): Promise<{ total: number; rows: ServedRow[] }> {
    const db = await this.read.upToDate('reference_sample');
    const count = new SqlParams();
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n ${servedWindowSql(window, count)}`,
      count.values,
    )) as { n: number }[];
    const sample = new SqlParams();
    const from = servedWindowSql(window, sample);
    // a bounded top-N sort: memory stays at `limit` rows however large the window
    const rows = (await db.query(
      `SELECT p.inputs, p.predicted_label, p.predicted_value ${from} ORDER BY random() LIMIT ${sample.add(limit)}`,
      sample.values,
    )) as ServedRow[];
    return { total: n, rows };
  }
}
