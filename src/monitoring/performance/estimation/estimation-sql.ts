import { SqlParams } from '../../../database/sql-params';
import {
  PerformanceWindow,
  probabilitySql,
  scoredWindowSql,
} from '../../../prediction-log/read/scored-window';
import { Calibrator } from './cbpe/calibration';
import { CbpeModel } from './cbpe/cbpe-model';

/** Past this many labels the per-row expressions get long; CBPE is not offered there. */
export const MAX_ESTIMATED_LABELS = 64;

/**
 * The calibrated value of `p` (a float8 column) in SQL: `width_bucket` finds the knot segment
 * (`b`, computed beside it) and the value is interpolated there with the operations scipy's
 * interp1d uses, clipped to the end knots; an identity calibrator returns `p`.
 */
function calibratedSql(c: Calibrator, p: string, b: string, params: SqlParams): string {
  if (c.kind === 'identity') return p;
  const n = c.knots.x.length;
  const x = `${params.add(c.knots.x)}::float8[]`;
  const y = `${params.add(c.knots.y)}::float8[]`;
  if (n === 1) return `(${y})[1]`;
  return `CASE WHEN ${p} <= (${x})[1] THEN (${y})[1] WHEN ${p} >= (${x})[${n}] THEN (${y})[${n}]
    ELSE ((${y})[${b} + 1] - (${y})[${b}]) / ((${x})[${b} + 1] - (${x})[${b}]) * (${p} - (${x})[${b}]) + (${y})[${b}] END`;
}

function bucketSql(c: Calibrator, p: string, params: SqlParams): string {
  return c.kind === 'isotonic' && c.knots.x.length > 1
    ? `width_bucket(${p}, ${params.add(c.knots.x)}::float8[])`
    : 'NULL::int';
}

/** Expected ROC area parts over `scored` rows matching `where`: trapezoids of the cumulative curve. */
function rocSql(where: string): string {
  return `(SELECT json_build_array(coalesce(sum((cfp - pfp) * (ctp + ptp) / 2), 0), coalesce(max(ctp), 0), coalesce(max(cfp), 0))
  FROM (
    SELECT ctp, cfp, lag(ctp, 1, 0::float8) OVER o AS ptp, lag(cfp, 1, 0::float8) OVER o AS pfp
    FROM (
      SELECT score, sum(tp) OVER c AS ctp, sum(fp) OVER c AS cfp
      FROM (SELECT score, sum(c1) AS tp, count(*) - sum(c1) AS fp FROM scored WHERE ${where} GROUP BY score) by_score
      WINDOW c AS (ORDER BY score DESC ROWS UNBOUNDED PRECEDING)
    ) cumulative
    WINDOW o AS (ORDER BY score DESC)
  ) steps)`;
}

/**
 * One statement per window: every successful classification of the window with its class
 * probabilities, calibrated row by row in Postgres (the reference's isotonic knots are parameters),
 * summed into the expected confusion matrix per predicted class and labelled or not, plus the
 * expected ROC area for binary models over all rows and over the labelled ones. Node receives a
 * few numbers per class, never rows. A row without probabilities cannot be estimated and is left
 * out (counted in `predictions`, not in `scored`).
 */
export function expectationQuery(
  window: PerformanceWindow,
  model: CbpeModel,
  extra?: (params: SqlParams) => string,
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const from = scoredWindowSql(window, params, extra?.(params));
  const k = model.labels.length;
  const binary = k === 2;
  const labels = `${params.add(model.labels)}::text[]`;
  const ps = model.labels.map((label, j) => `${probabilitySql(params.add(label))} AS p${j}`);
  const present = model.labels.map((_, j) => `p${j} IS NOT NULL`).join(' AND ');
  // binary: the positive class (index 1) alone is calibrated
  const calibrated = binary ? [1] : model.labels.map((_, j) => j);
  const cal = (j: number) => model.calibrators[binary ? 0 : j];
  const buckets = calibrated.map((j) => `${bucketSql(cal(j), `p${j}`, params)} AS b${j}`);
  const raws = calibrated.map((j) => `${calibratedSql(cal(j), `p${j}`, `b${j}`, params)} AS r${j}`);
  const sum = calibrated.map((j) => `r${j}`).join(' + ');
  const cs = binary
    ? ['1 - r1 AS c0', 'r1 AS c1']
    : model.labels.map((_, j) => `CASE WHEN (${sum}) = 0 THEN 1.0 / ${k} ELSE r${j} / (${sum}) END AS c${j}`);
  const sums = model.labels.map((_, j) => `sum(c${j}) AS s${j}`);
  const text = `
WITH logged AS MATERIALIZED (
  SELECT array_position(${labels}, p.predicted_label) AS k, f.actual_label IS NOT NULL AS labelled, ${ps.join(', ')}
  ${from}
), bucketed AS (
  SELECT k, labelled, ${model.labels.map((_, j) => `p${j}`).join(', ')}, ${buckets.join(', ')}
  FROM logged WHERE k IS NOT NULL AND ${present}
), raw AS (
  SELECT k, labelled, p${binary ? 1 : 0} AS score, ${raws.join(', ')} FROM bucketed
), scored AS MATERIALIZED (
  SELECT k, labelled, score, ${cs.join(', ')} FROM raw
)
SELECT
  (SELECT count(*)::int FROM logged) AS predictions,
  (SELECT count(*)::int FROM logged WHERE labelled) AS labelled,
  (SELECT coalesce(json_agg(json_build_array(k, labelled, n, ${model.labels.map((_, j) => `s${j}`).join(', ')})), '[]'::json)
     FROM (SELECT k, labelled, count(*)::int AS n, ${sums.join(', ')} FROM scored GROUP BY k, labelled) by_class) AS confusion,
  ${binary ? rocSql('true') : 'NULL::json'} AS roc_all,
  ${binary ? rocSql('labelled') : 'NULL::json'} AS roc_labelled`;
  return { text, values: params.values };
}
