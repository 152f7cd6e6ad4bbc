import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadDatabase } from '../../database/read-database';
import { PerformanceHistoryEntity } from './performance-history.entity';
import { classificationSql, REGRESSION_SQL } from './performance-sql';
import { ClassificationAggregates, PerformanceScope, RegressionAggregates } from './performance.types';

/** Port for the performance figures' data: aggregates over the window, and the history table. */
export abstract class PerformanceRepository {
  abstract classification(
    scope: PerformanceScope,
    labels: string[],
    positiveLabel: string,
  ): Promise<ClassificationAggregates>;
  abstract regression(scope: PerformanceScope): Promise<RegressionAggregates>;
  abstract saveHistory(rows: PerformanceHistoryEntity[]): Promise<void>;
  abstract history(
    modelName: string,
    modelVersion: string,
    window: string,
    limit: number,
  ): Promise<PerformanceHistoryEntity[]>;
}

// scikit-learn clips probabilities to float64 machine epsilon
const EPSILON = Number.EPSILON;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nullableNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

@Injectable()
export class TypeOrmPerformanceRepository extends PerformanceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly read: ReadDatabase,
  ) {
    super();
  }

  async classification(
    scope: PerformanceScope,
    labels: string[],
    positiveLabel: string,
  ): Promise<ClassificationAggregates> {
    const db = await this.read.upToDate('performance');
    const [row]: Record<string, unknown>[] = await db.query(classificationSql(labels.length), [
      ...this.window(scope),
      labels,
      positiveLabel,
      EPSILON,
    ]);
    const confusion = row.confusion as [string, string, number][];
    return {
      predictions: num(row.predictions),
      labelled: num(row.labelled),
      medianDelaySeconds: nullableNum(row.median_delay),
      confusion: confusion.map(([actual, predicted, count]) => ({ actual, predicted, count })),
      logLoss: { sum: num(row.log_loss_sum), n: num(row.log_loss_n) },
      auc: {
        twiceConcordant: num(row.auc_twice_concordant),
        positives: num(row.auc_positives),
        negatives: num(row.auc_negatives),
        scored: num(row.auc_positives) + num(row.auc_negatives),
      },
    };
  }

  async regression(scope: PerformanceScope): Promise<RegressionAggregates> {
    const db = await this.read.upToDate('performance');
    const [row]: Record<string, unknown>[] = await db.query(REGRESSION_SQL, this.window(scope));
    return {
      predictions: num(row.predictions),
      labelled: num(row.labelled),
      medianDelaySeconds: nullableNum(row.median_delay),
      sumAbsError: num(row.sum_abs_error),
      sumSquaredError: num(row.sum_squared_error),
      totalSumOfSquares: num(row.total_sum_of_squares),
      mapeSum: num(row.mape_sum),
      mapeCount: num(row.mape_count),
    };
  }

  async saveHistory(rows: PerformanceHistoryEntity[]): Promise<void> {
    if (rows.length > 0) await this.dataSource.getRepository(PerformanceHistoryEntity).insert(rows);
  }

  history(
    modelName: string,
    modelVersion: string,
    window: string,
    limit: number,
  ): Promise<PerformanceHistoryEntity[]> {
    return this.read
      .reads('performance_history')
      .getRepository(PerformanceHistoryEntity)
      .find({
        where: { modelName, modelVersion, timeWindow: window },
        order: { computedAt: 'DESC' },
        take: limit,
      });
  }

  private window(scope: PerformanceScope): unknown[] {
    return [scope.modelName, scope.modelVersion, scope.start.toISOString(), scope.end.toISOString()];
  }
}
