import { LABELLED_IN_WINDOW, PREDICTIONS_IN_WINDOW } from '../../prediction-log/read/log-window';

/*
 * The aggregate queries behind the performance figures. Each runs as one statement and returns
 * one row: the labelled predictions of the window are materialised once (a few scalars per row,
 * spilled to disk by Postgres if large) and every figure is a GROUP BY or a sum over them, so
 * the application never holds rows and its memory does not grow with the window.
 *
 * Parameters: $1 model, $2 version, $3 window start (exclusive), $4 window end (inclusive), as the
 * prediction log's read model (LABELLED_IN_WINDOW) takes them.
 */

const COUNT_PREDICTIONS = PREDICTIONS_IN_WINDOW;
const MEDIAN_DELAY = `(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY delay) FROM labelled)`;

// Up to this many labels the renormalising sum is written out term by term, which Postgres can
// evaluate in parallel workers; beyond it a per-row subquery over the label array does the same.
const INLINE_LABELS = 64;

const clipped = (label: string): string => `least(greatest((probs->>${label})::float8, $7), 1 - $7::float8)`;

function probabilitySum(labelCount: number): string {
  if (labelCount > INLINE_LABELS) return `(SELECT sum(${clipped('l')}) FROM unnest($5::text[]) AS l)`;
  return Array.from({ length: labelCount }, (_, i) => clipped(`($5::text[])[${i + 1}]`)).join(' + ');
}

/**
 * $5 the model's labels, $6 the positive label (ROC), $7 the clipping epsilon.
 * Log loss as scikit-learn 1.2 computes it: clip every probability to [eps, 1 - eps], renormalise
 * the row, take -ln of the actual class's share. The ROC AUC is the Mann-Whitney statistic with
 * ties counted half, from one GROUP BY on the score: exact integer arithmetic, no row list.
 */
export function classificationSql(labelCount: number): string {
  return `
WITH labelled AS MATERIALIZED (
  SELECT predicted, actual, delay,
    ln(${clipped('actual')} / (${probabilitySum(labelCount)})) AS log_p,
    (probs->>$6::text)::float8 AS score
  FROM (
    SELECT p.predicted_label AS predicted, f.actual_label AS actual, p.outputs->'probabilities' AS probs,
      extract(epoch FROM f.created_at - p.created_at)::float8 AS delay
    ${LABELLED_IN_WINDOW} AND f.actual_label IS NOT NULL AND p.predicted_label IS NOT NULL
  ) joined
), by_score AS (
  SELECT score, count(*) FILTER (WHERE actual = $6::text) AS pos, count(*) FILTER (WHERE actual <> $6::text) AS neg
  FROM labelled WHERE score IS NOT NULL GROUP BY score
), ranked AS (
  SELECT pos, neg, coalesce(sum(neg) OVER (ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS neg_below
  FROM by_score
)
SELECT
  ${COUNT_PREDICTIONS} AS predictions,
  (SELECT count(*)::int FROM labelled) AS labelled,
  ${MEDIAN_DELAY} AS median_delay,
  (SELECT coalesce(json_agg(json_build_array(actual, predicted, n)), '[]'::json)
     FROM (SELECT actual, predicted, count(*)::int AS n FROM labelled GROUP BY actual, predicted) c) AS confusion,
  (SELECT coalesce(-sum(log_p), 0) FROM labelled) AS log_loss_sum,
  (SELECT count(log_p)::int FROM labelled) AS log_loss_n,
  (SELECT coalesce(sum(pos * (2 * neg_below + neg)), 0)::text FROM ranked) AS auc_twice_concordant,
  (SELECT coalesce(sum(pos), 0)::text FROM by_score) AS auc_positives,
  (SELECT coalesce(sum(neg), 0)::text FROM by_score) AS auc_negatives`;
}

// Sums in float8. R²'s denominator is var_pop × n: Postgres accumulates it with the Youngs-Cramer
// update, which does not lose digits to cancellation the way sum(y²) - n·mean² would.
export const REGRESSION_SQL = `
WITH labelled AS MATERIALIZED (
  SELECT f.actual_value AS y, p.predicted_value AS yhat,
    extract(epoch FROM f.created_at - p.created_at)::float8 AS delay
  ${LABELLED_IN_WINDOW} AND f.actual_value IS NOT NULL AND p.predicted_value IS NOT NULL
)
SELECT
  ${COUNT_PREDICTIONS} AS predictions,
  count(*)::int AS labelled,
  ${MEDIAN_DELAY} AS median_delay,
  coalesce(sum(abs(y - yhat)), 0) AS sum_abs_error,
  coalesce(sum((y - yhat) * (y - yhat)), 0) AS sum_squared_error,
  coalesce(var_pop(y) * count(*), 0) AS total_sum_of_squares,
  coalesce(sum(abs(y - yhat) / abs(y)) FILTER (WHERE y <> 0), 0) AS mape_sum,
  (count(*) FILTER (WHERE y <> 0))::int AS mape_count
FROM labelled`;
