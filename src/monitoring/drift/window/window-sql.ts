import { SqlParams } from '../../../database/sql-params';
import { LogWindow, servedWindowSql } from '../../../prediction-log/read/log-window';
import { FeaturePlan, NumericPlan } from './feature-plan';

/** The logged predictions of one model version in [from, to). */
export type WindowFilter = LogWindow;

/** Aggregation keys pack the feature's position and its bucket/category code into one int8. */
export const KEY_FEATURE = 2 ** 32;
/** Codes are shifted by 2 so that missing (-1) and unseen (0) stay positive inside the key. */
export const KEY_OFFSET = 2;

export function decodeKey(key: number): { index: number; code: number } {
  const index = Math.floor(key / KEY_FEATURE);
  return { index, code: key - index * KEY_FEATURE - KEY_OFFSET };
}

// jsonb_to_record matches keys by column name, and Postgres truncates identifiers at 63 bytes
const MAX_IDENTIFIER_BYTES = 63;

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function inRecord(plan: FeaturePlan): boolean {
  return plan.feature.source === 'input' && Buffer.byteLength(plan.feature.name) <= MAX_IDENTIFIER_BYTES;
}

/**
 * The window's rows, each input feature read once: jsonb_to_record parses the jsonb a single time
 * per row and casts every monitored feature to its type (a value of the wrong type is a data
 * error, which the aggregator answers by querying features one at a time).
 */
export function fromWindow(plans: FeaturePlan[], filter: WindowFilter, params: SqlParams): string {
  const columns = plans
    .filter(inRecord)
    .map((p) => `${quoteIdent(p.feature.name)} ${p.kind === 'numeric' ? 'float8' : 'text'}`);
  const lateral =
    columns.length > 0 ? ` CROSS JOIN LATERAL jsonb_to_record(p.inputs) AS r(${columns.join(', ')})` : '';
  return servedWindowSql(filter, params, lateral);
}

/** The feature's value in a row, typed. */
export function valueSql(plan: FeaturePlan, params: SqlParams): string {
  if (plan.feature.source === 'prediction') {
    return plan.kind === 'numeric' ? 'p.predicted_value' : 'p.predicted_label';
  }
  if (inRecord(plan)) return `r.${quoteIdent(plan.feature.name)}`;
  const text = `(p.inputs ->> ${params.add(plan.feature.name)})`;
  return plan.kind === 'numeric' ? `${text}::float8` : text;
}

/** The int8 aggregation key of a row for this feature. */
export function keySql(plan: FeaturePlan, value: string, params: SqlParams): string {
  const base = `${plan.index * KEY_FEATURE + KEY_OFFSET}::int8`;
  if (plan.kind === 'numeric') {
    return `${base} + coalesce(width_bucket(${value}, ${params.add(Array.from(plan.thresholds))}::float8[]), -1)`;
  }
  return `${base} + coalesce(array_position(${params.add(plan.known)}::text[], ${value}), CASE WHEN ${value} IS NULL THEN -1 ELSE 0 END)`;
}

/**
 * One pass over the window: per feature and bucket (or category) the count and sum of the values
 * (`kn`, `ks`: over the whole bucket), and per distinct value `t` its count, for categorical features
 * and for numeric ones listing their values. Values are listed most frequent first, at most `limit`
 * per bucket: a stream of unique unseen strings cannot flood the run.
 */
export function bucketsQuery(
  plans: FeaturePlan[],
  filter: WindowFilter,
  limit: number,
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const from = fromWindow(plans, filter, params);
  const keys: string[] = [];
  const xs: string[] = [];
  const ts: string[] = [];
  for (const plan of plans) {
    const value = valueSql(plan, params);
    keys.push(keySql(plan, value, params));
    xs.push(plan.kind === 'numeric' ? value : 'NULL');
    ts.push(plan.kind === 'categorical' ? value : plan.listValues ? `${value}::text` : 'NULL');
  }
  const text = `SELECT k::text AS k, t, n, kn, ks
    FROM (
      SELECT k, t, count(*)::float8 AS n, (sum(count(*)) OVER w)::float8 AS kn, sum(sum(x)) OVER w AS ks,
        row_number() OVER (w ORDER BY count(*) DESC, t) AS rank
      FROM (SELECT unnest(ARRAY[${keys.join(', ')}]) AS k, unnest(ARRAY[${xs.join(', ')}]::float8[]) AS x,
          unnest(ARRAY[${ts.join(', ')}]::text[]) AS t
        ${from}) u
      GROUP BY k, t
      WINDOW w AS (PARTITION BY k)
    ) g
    WHERE rank <= ${params.add(limit)}`;
  return { text, values: params.values };
}

/** Rows in the window (only needed when no feature could be planned). */
export function countQuery(filter: WindowFilter): { text: string; values: unknown[] } {
  const params = new SqlParams();
  return { text: `SELECT count(*)::float8 AS n ${fromWindow([], filter, params)}`, values: params.values };
}

/** A bucket the second pass integrates exactly, with what the integral needs. */
export interface CrossingRequest {
  plan: NumericPlan;
  bucket: number;
  /** Reference ECDF inside the bucket. */
  reference: number;
  /** Current values below the bucket, and in the whole window. */
  before: number;
  total: number;
  start: number;
  end: number;
}

/**
 * ∫|F_ref − F_cur| over each requested bucket [a, e), from its sorted values x_1..x_c:
 * |R − C/m|·(x_1 − a) + Σ_i |R − (C + i)/m|·(x_i+1 − x_i) + |R − (C + c)/m|·(e − x_c). A row's key
 * is looked up in a per-feature map from bucket to key (NULL for buckets not requested); rows with
 * no requested bucket are dropped in the (parallel) scan, so only the few requested ones reach the
 * sort. The answer is one number per bucket.
 */
export function crossingsQuery(
  requests: CrossingRequest[],
  filter: WindowFilter,
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const plans = [...new Set(requests.map((r) => r.plan))];
  const from = fromWindow(plans, filter, params);
  const keys: string[] = [];
  const xs: string[] = [];
  for (const plan of plans) {
    const map: (number | null)[] = new Array(plan.thresholds.length + 1).fill(null);
    for (const r of requests)
      if (r.plan === plan) map[r.bucket] = plan.index * KEY_FEATURE + KEY_OFFSET + r.bucket;
    const value = valueSql(plan, params);
    // width_bucket is 0..n; Postgres arrays are 1-based
    keys.push(
      `(${params.add(map)}::int8[])[width_bucket(${value}, ${params.add(Array.from(plan.thresholds))}::float8[]) + 1]`,
    );
    xs.push(value);
  }
  const column = <T>(f: (r: CrossingRequest) => T, type: string) =>
    `${params.add(requests.map(f))}::${type}[]`;
  const g = `unnest(${column((r) => r.plan.index * KEY_FEATURE + KEY_OFFSET + r.bucket, 'int8')}, ${column(
    (r) => r.reference,
    'float8',
  )}, ${column((r) => r.before, 'float8')}, ${column((r) => r.total, 'float8')}, ${column((r) => r.start, 'float8')}, ${column(
    (r) => r.end,
    'float8',
  )}) AS g(k, r, c0, m, a, e)`;
  // products in numeric: a float8 product that underflows to 0 is an error in Postgres
  const text = `SELECT s.k::text AS k,
      sum(abs(g.r - (g.c0 + s.rn) / g.m)::numeric * (coalesce(s.nx, g.e) - s.x)::numeric
        + CASE WHEN s.rn = 1 THEN abs(g.r - g.c0 / g.m)::numeric * (s.x - g.a)::numeric ELSE 0 END)::float8 AS integral
    FROM (
      SELECT u.k, u.x, row_number() OVER w AS rn, lead(u.x) OVER w AS nx
      FROM (SELECT unnest(ARRAY[${keys.join(', ')}]) AS k, unnest(ARRAY[${xs.join(', ')}]::float8[]) AS x
        ${from} AND (${keys.map((k) => `${k} IS NOT NULL`).join(' OR ')})) u
      WHERE u.k IS NOT NULL
      WINDOW w AS (PARTITION BY u.k ORDER BY u.x)
    ) s
    JOIN ${g} ON g.k = s.k
    GROUP BY s.k`;
  return { text, values: params.values };
}
