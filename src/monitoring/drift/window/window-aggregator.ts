import { Injectable } from '@nestjs/common';
import { QueryRunner } from 'typeorm';
import { ReadDatabase } from '../../../database/read-database';
import { FeaturePlan, NumericPlan } from './feature-plan';
import { NumericBuckets } from './numeric-buckets';
import { emptyCategoricalWindow, emptyNumericWindow, FeatureWindow, NumericWindow } from './window-data';
import {
  bucketsQuery,
  countQuery,
  decodeKey,
  CrossingRequest,
  crossingsQuery,
  WindowFilter,
} from './window-sql';

/** Distinct values listed per bucket at most (unseen categories, values of few-valued features). */
export const VALUES_PER_BUCKET = 200;

export interface WindowAggregate {
  /** Successful v1 predictions in the window. */
  rows: number;
  windows: Map<number, FeatureWindow>;
  /** Features whose queries failed, by plan index. */
  errors: Map<number, string>;
  /** Milliseconds spent in each pass (the second pass is 0 when no bucket needed it). */
  timings: { buckets: number; crossings: number };
}

interface BucketRow {
  k: string;
  /** A distinct value of the bucket, when values are listed. */
  t: string | null;
  n: number;
  /** Count and sum over the whole bucket. */
  kn: number;
  ks: number | null;
}

function addBucket(w: FeatureWindow, code: number, row: BucketRow): void {
  if (code === -1) {
    w.missing += row.kn;
  } else if (w.kind === 'numeric') {
    w.n[code] = row.kn;
    w.s[code] = row.ks ?? 0;
    w.total += row.kn;
  } else {
    if (code === 0) w.unseenTotal += row.kn;
    else w.counts[code - 1] = row.kn;
    w.total += row.kn;
  }
}

/** Whether bucket b (a width_bucket position) holds exactly the values equal to one reference value. */
function supportBucket(plan: NumericPlan, b: number): boolean {
  const start = plan.thresholds[b - 1];
  const values = plan.profile.values;
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return values[lo] === start;
}

/** A value of the wrong type in the log (SQLSTATE class 22) fails one feature, not the run. */
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * Aggregates the current window in Postgres: one pass for every feature's buckets or categories
 * (and the most frequent unseen values), then, only when needed, an exact second pass for Wasserstein.
 * Node receives aggregates (a few rows per reference value), never the window's rows. All queries
 * of a run read one snapshot, so the passes agree even while predictions keep arriving.
 */
@Injectable()
export class WindowAggregator {
  constructor(private readonly read: ReadDatabase) {}

  async aggregate(plans: FeaturePlan[], filter: WindowFilter): Promise<WindowAggregate> {
    // the replica when there is one, once it holds every row the window can contain
    const runner = (await this.read.upToDate('drift_window')).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      // the statements are large and run once: compiling them costs more than it saves
      await runner.query("SET LOCAL jit = 'off'");
      await runner.query("SET LOCAL work_mem = '64MB'");
      // the planner cannot see how few rows survive the second pass's filter; cheaper tuples let it
      // scan in parallel instead of alone
      await runner.query('SET LOCAL parallel_tuple_cost = 0.01');
      const result = await this.passes(runner, plans, filter);
      await runner.commitTransaction();
      return result;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }

  private async passes(
    runner: QueryRunner,
    plans: FeaturePlan[],
    filter: WindowFilter,
  ): Promise<WindowAggregate> {
    const windows = new Map<number, FeatureWindow>();
    const errors = new Map<number, string>();
    for (const p of plans) {
      windows.set(
        p.index,
        p.kind === 'numeric'
          ? emptyNumericWindow(p.thresholds.length + 1)
          : emptyCategoricalWindow(p.known.length),
      );
    }
    const byIndex = new Map(plans.map((p) => [p.index, p]));
    const timings = { buckets: 0, crossings: 0 };
    let started = performance.now();
    const all = await this.attempt(runner, () => bucketsQuery(plans, filter, VALUES_PER_BUCKET));
    if (all.ok) this.fill(all.rows as BucketRow[], byIndex, windows);
    else {
      for (const p of plans) {
        const one = await this.attempt(runner, () => bucketsQuery([p], filter, VALUES_PER_BUCKET));
        if (one.ok) this.fill(one.rows as BucketRow[], byIndex, windows);
        else errors.set(p.index, one.error);
      }
    }
    const ok = plans.filter((p) => !errors.has(p.index));
    const rows = ok.length > 0 ? this.rowsOf(windows.get(ok[0].index)!) : await this.count(runner, filter);
    timings.buckets = performance.now() - started;
    started = performance.now();
    await this.fetchCrossings(
      runner,
      ok.filter((p): p is NumericPlan => p.kind === 'numeric'),
      windows,
      errors,
      filter,
    );
    timings.crossings = performance.now() - started;
    for (const index of errors.keys()) windows.delete(index);
    return { rows, windows, errors, timings };
  }

  private rowsOf(w: FeatureWindow): number {
    return w.total + w.missing;
  }

  private async count(runner: QueryRunner, filter: WindowFilter): Promise<number> {
    const q = countQuery(filter);
    const rows = (await runner.query(q.text, q.values)) as { n: number }[];
    return rows[0]?.n ?? 0;
  }

  private fill(
    rows: BucketRow[],
    plans: Map<number, FeaturePlan>,
    windows: Map<number, FeatureWindow>,
  ): void {
    const seen = new Set<string>();
    const listed = new Map<string, number>();
    for (const row of rows) {
      const { index, code } = decodeKey(Number(row.k));
      const plan = plans.get(index);
      const w = windows.get(index);
      if (!plan || !w) continue;
      if (!seen.has(row.k)) {
        seen.add(row.k);
        addBucket(w, code, row);
      }
      if (row.t === null || code === -1) continue;
      listed.set(row.k, (listed.get(row.k) ?? 0) + 1);
      if (w.kind === 'categorical') {
        if (code === 0) {
          w.unseen.values.push(row.t);
          w.unseen.counts.push(row.n);
        }
      } else if (!(code > 0 && plan.kind === 'numeric' && supportBucket(plan, code))) {
        w.offSupport ??= { values: [], counts: [], truncated: false };
        w.offSupport.values.push(row.t);
        w.offSupport.counts.push(row.n);
      }
    }
    for (const [k, n] of listed) {
      const w = windows.get(decodeKey(Number(k)).index);
      if (n >= VALUES_PER_BUCKET && w?.kind === 'numeric' && w.offSupport) w.offSupport.truncated = true;
    }
    for (const w of windows.values()) {
      if (w.kind === 'categorical')
        w.unseen.truncated = w.unseen.counts.reduce((a, b) => a + b, 0) < w.unseenTotal;
    }
  }

  private async fetchCrossings(
    runner: QueryRunner,
    plans: NumericPlan[],
    windows: Map<number, FeatureWindow>,
    errors: Map<number, string>,
    filter: WindowFilter,
  ): Promise<void> {
    const requests: CrossingRequest[] = [];
    for (const plan of plans) {
      const w = windows.get(plan.index) as NumericWindow;
      for (const c of new NumericBuckets(plan, w).crossingBuckets()) {
        requests.push({ plan, ...c, total: w.total });
      }
    }
    if (requests.length === 0) return;
    const res = await this.attempt(runner, () => crossingsQuery(requests, filter));
    if (!res.ok) {
      for (const r of requests) errors.set(r.plan.index, res.error);
      return;
    }
    for (const row of res.rows as { k: string; integral: number }[]) {
      const { index, code } = decodeKey(Number(row.k));
      (windows.get(index) as NumericWindow).crossings.set(code, row.integral);
    }
  }

  /** One statement inside a savepoint: a data error rolls back to it and keeps the snapshot. */
  private async attempt(
    runner: QueryRunner,
    build: () => { text: string; values: unknown[] },
  ): Promise<{ ok: true; rows: unknown[] } | { ok: false; error: string }> {
    const q = build();
    await runner.query('SAVEPOINT drift_feature');
    try {
      const rows = (await runner.query(q.text, q.values)) as unknown[];
      await runner.query('RELEASE SAVEPOINT drift_feature');
      return { ok: true, rows };
    } catch (err) {
      if (!isDataError(err)) throw err;
      await runner.query('ROLLBACK TO SAVEPOINT drift_feature');
      return { ok: false, error: `the logged values could not be read: ${(err as Error).message}` };
    }
  }
}
