import { RegressionAggregates, RegressionMetrics } from './performance.types';

/**
 * MAE, RMSE, MAPE and R² from SQL sums, as scikit-learn defines them, except that MAPE skips zero
 * actuals (scikit-learn divides by machine epsilon there, which swamps the mean) and says how many.
 */
export function regressionMetrics(agg: RegressionAggregates): RegressionMetrics {
  const n = agg.labelled;
  return {
    mae: n === 0 ? null : agg.sumAbsError / n,
    rmse: n === 0 ? null : Math.sqrt(agg.sumSquaredError / n),
    mape: agg.mapeCount === 0 ? null : agg.mapeSum / agg.mapeCount,
    mape_skipped_zero_actuals: n - agg.mapeCount,
    r2: n < 2 ? null : r2(agg.sumSquaredError, agg.totalSumOfSquares),
  };
}

// scikit-learn's force_finite: constant actuals score 1 when predicted exactly, else 0
function r2(residual: number, total: number): number {
  if (total === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / total;
}
