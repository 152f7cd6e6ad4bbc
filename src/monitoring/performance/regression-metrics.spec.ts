import { RegressionAggregates } from './performance.types';
import { regressionMetrics } from './regression-metrics';

function aggregates(over: Partial<RegressionAggregates>): RegressionAggregates {
  return {
    predictions: 4,
    labelled: 4,
    medianDelaySeconds: null,
    sumAbsError: 0,
    sumSquaredError: 0,
    totalSumOfSquares: 0,
    mapeSum: 0,
    mapeCount: 0,
    ...over,
  };
}

describe(regressionMetrics.name, () => {
  it('derives MAE, RMSE, MAPE and R² from the sums', () => {
    // actuals 0, 2, 4, 6; predictions 1, 2, 3, 8
    const m = regressionMetrics(
      aggregates({
        sumAbsError: 4,
        sumSquaredError: 6,
        totalSumOfSquares: 20,
        mapeSum: 0 + 0.25 + 1 / 3,
        mapeCount: 3,
      }),
    );
    expect(m).toEqual({
      mae: 1,
      rmse: Math.sqrt(1.5),
      mape: (0.25 + 1 / 3) / 3,
      mape_skipped_zero_actuals: 1,
      r2: 1 - 6 / 20,
    });
  });

  it('follows scikit-learn for constant actuals: R² 1 when exact, else 0', () => {
    expect(regressionMetrics(aggregates({ totalSumOfSquares: 0, sumSquaredError: 0 })).r2).toBe(1);
    expect(regressionMetrics(aggregates({ totalSumOfSquares: 0, sumSquaredError: 3 })).r2).toBe(0);
  });

  it('has no figures without labels, no MAPE when every actual is zero, no R² for one row', () => {
    expect(regressionMetrics(aggregates({ labelled: 0 }))).toEqual({
      mae: null,
      rmse: null,
      mape: null,
      mape_skipped_zero_actuals: 0,
      r2: null,
    });
    expect(regressionMetrics(aggregates({ labelled: 2, mapeCount: 0 })).mape).toBeNull();
    expect(regressionMetrics(aggregates({ labelled: 1, mapeCount: 1 })).r2).toBeNull();
  });
});
