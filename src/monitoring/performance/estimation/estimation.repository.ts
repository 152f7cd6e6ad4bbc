import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadDatabase } from '../../../database/read-database';
import { SqlParams } from '../../../database/sql-params';
import { PerformanceWindow } from '../../../prediction-log/read/scored-window';
import { CbpeModel } from './cbpe/cbpe-model';
import { WindowExpectation } from './cbpe/estimate';
import { EstimateHistoryEntity } from './estimate-history.entity';
import { expectationQuery } from './estimation-sql';

/** A window's expectations: over all its estimable predictions, and over the labelled ones. */
export interface WindowExpectations {
  /** Successful classifications in the window (with or without probabilities). */
  predictions: number;
  /** Of which have feedback. */
  labelled: number;
  all: WindowExpectation;
  labelledOnly: WindowExpectation;
}

/** Port for estimated performance's data: the window's expected confusion, and the estimate history. */
export abstract class EstimationRepository {
  abstract expectations(
    window: PerformanceWindow,
    model: CbpeModel,
    extra?: (params: SqlParams) => string,
  ): Promise<WindowExpectations>;
  abstract saveHistory(rows: EstimateHistoryEntity[]): Promise<void>;
  abstract history(
    modelName: string,
    modelVersion: string,
    window: string,
    limit: number,
  ): Promise<EstimateHistoryEntity[]>;
}

type Roc = [number, number, number] | null;

const roc = (r: Roc): WindowExpectation['roc'] =>
  r ? { area: Number(r[0]), tp: Number(r[1]), fp: Number(r[2]) } : null;

@Injectable()
export class TypeOrmEstimationRepository extends EstimationRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly read: ReadDatabase,
  ) {
    super();
  }

  async expectations(
    window: PerformanceWindow,
    model: CbpeModel,
    extra?: (params: SqlParams) => string,
  ): Promise<WindowExpectations> {
    const q = expectationQuery(window, model, extra);
    const db = await this.read.upToDate('performance_estimation');
    const [row] = (await db.query(q.text, q.values)) as Record<string, unknown>[];
    const k = model.labels.length;
    const empty = () => model.labels.map(() => new Array<number>(k).fill(0));
    const all: WindowExpectation = { scored: 0, confusion: empty(), roc: roc(row.roc_all as Roc) };
    const labelledOnly: WindowExpectation = {
      scored: 0,
      confusion: empty(),
      roc: roc(row.roc_labelled as Roc),
    };
    // [class (1-based), labelled, rows, expected count of each actual class]
    for (const [cls, labelled, n, ...sums] of row.confusion as [number, boolean, number, ...number[]][]) {
      for (const target of labelled ? [all, labelledOnly] : [all]) {
        target.scored += n;
        sums.forEach((s, j) => (target.confusion[j][cls - 1] += Number(s)));
      }
    }
    return { predictions: Number(row.predictions), labelled: Number(row.labelled), all, labelledOnly };
  }

  async saveHistory(rows: EstimateHistoryEntity[]): Promise<void> {
    if (rows.length > 0) await this.dataSource.getRepository(EstimateHistoryEntity).insert(rows);
  }

  history(
    modelName: string,
    modelVersion: string,
    window: string,
    limit: number,
  ): Promise<EstimateHistoryEntity[]> {
    return this.read
      .reads('performance_history')
      .getRepository(EstimateHistoryEntity)
      .find({
        where: { modelName, modelVersion, timeWindow: window },
        order: { computedAt: 'DESC' },
        take: limit,
      });
  }
}
