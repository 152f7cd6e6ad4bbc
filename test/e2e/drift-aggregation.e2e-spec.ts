import { DataSource } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { analyzeCategorical } from '../../src/monitoring/drift/analysis/categorical-analysis';
import { analyzeNumeric } from '../../src/monitoring/drift/analysis/numeric-analysis';
import { MonitoredFeature } from '../../src/monitoring/drift/monitored-features';
import { categoricalProfile, numericProfile } from '../../src/monitoring/drift/reference/profile-builder';
import {
  chiSquareTest,
  jensenShannonCategorical,
  jensenShannonNumeric,
  ks2samp,
  psiCategorical,
  psiNumeric,
  wasserstein,
} from '../../src/monitoring/drift/stats';
import { planFeature, NumericPlan, CategoricalPlan } from '../../src/monitoring/drift/window/feature-plan';
import { WindowAggregator } from '../../src/monitoring/drift/window/window-aggregator';
import { CategoricalWindow, NumericWindow } from '../../src/monitoring/drift/window/window-data';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { createTestDatabase } from '../utils/test-database';
import { rng } from '../utils/rng';
import { primaryReads } from '../utils/read-database';

/** A normal sampler on the deterministic PRNG. */
function normal(r: () => number, mean: number, sd: number): number {
  return mean + sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}
const round = (x: number, d: number) => Number(x.toFixed(d));

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const FROM = new Date('2026-11-01T00:00:00Z');
const TO = new Date('2026-11-01T01:00:00Z');

describe(WindowAggregator.name, () => {
  let ds: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  async function insert(
    model: string,
    rows: Record<string, unknown>[],
    labels?: (string | null)[],
  ): Promise<void> {
    const t0 = FROM.getTime() + 1000;
    await ds.query(
      `INSERT INTO prediction_log (id, created_at, model_name, model_version, status, inputs, predicted_label, latency_ms)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::float8[])`,
      [
        rows.map(() => uuidv7()),
        rows.map((_, i) => new Date(t0 + i).toISOString()),
        rows.map(() => model),
        rows.map(() => '1'),
        rows.map(() => 'success'),
        rows.map((r) => JSON.stringify(r)),
        rows.map((_, i) => labels?.[i] ?? null),
        rows.map(() => 1),
      ],
    );
  }

  const numeric = (name: string, extra: Partial<MonitoredFeature> = {}): MonitoredFeature => ({
    name,
    kind: 'numeric',
    source: 'input',
    categories: [],
    ...extra,
  });

  it('gives exactly the in-memory KS, Wasserstein, PSI and JS, and isolates a feature with bad values', async () => {
    const r = rng(42);
    const refA = Array.from({ length: 500 }, () => round(normal(r, 10, 2), 3));
    const refB = Array.from({ length: 800 }, () => Math.floor(r() * 20));
    const refC = Array.from({ length: 300 }, () => ['x', 'y', 'z'][Math.floor(r() * 3)]);
    const curA = Array.from({ length: 3000 }, () => round(normal(r, 10.4, 2.3), 3));
    const curB = Array.from({ length: 3000 }, () => (r() < 0.1 ? null : Math.floor(r() * 24) - 2));
    const curC = Array.from({ length: 3000 }, () => ['x', 'y', 'z', 'w', 'v'][Math.floor(r() * 5)]);
    const rows = curA.map((a, i) => ({ a, b: curB[i], c: curC[i], bad: i === 17 ? 'oops' : i }));
    await insert('m1', rows);

    const plans = [
      planFeature(0, numeric('a', { min: 5, max: 15 }), numericProfile(refA)),
      planFeature(1, numeric('b'), numericProfile(refB)),
      planFeature(
        2,
        { name: 'c', kind: 'categorical', source: 'input', categories: ['x', 'y', 'z'] },
        categoricalProfile(refC),
      ),
      planFeature(3, numeric('bad'), numericProfile([1, 2, 3, 4, 5, 6, 7])),
    ];
    const agg = await new WindowAggregator(primaryReads(ds)).aggregate(plans, {
      modelName: 'm1',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    expect(agg.rows).toBe(3000);
    expect(agg.errors.get(3)).toMatch(/could not be read/);
    // the reference and current ECDFs cross inside gaps holding several values: the exact second pass ran
    expect((agg.windows.get(0) as NumericWindow).crossings.size).toBeGreaterThan(0);

    for (const [index, ref, cur] of [
      [0, refA, curA],
      [1, refB, curB.filter((v): v is number => v !== null)],
    ] as const) {
      const w = agg.windows.get(index) as NumericWindow;
      const out = analyzeNumeric(plans[index] as NumericPlan, w);
      const ks = ks2samp(ref, cur);
      const ws = wasserstein(ref, cur);
      const psi = psiNumeric(ref, cur);
      const js = jensenShannonNumeric(ref, cur, { base: 2 });
      if (!ks.computable || !ws.computable || !psi.computable || !js.computable)
        throw new Error('not computable');
      close(out.statistics.ks!.statistic, ks.statistic);
      close(out.statistics.ks!.p_value, ks.pValue);
      close(out.statistics.wasserstein!.distance, ws.distance);
      close(out.statistics.wasserstein!.normed, ws.statistic);
      close(out.statistics.psi!, psi.statistic);
      close(out.statistics.jensen_shannon!, js.statistic);
      expect(out.currentSize).toBe(cur.length);
    }
    const a = analyzeNumeric(plans[0] as NumericPlan, agg.windows.get(0) as NumericWindow);
    expect(a.dataQuality.out_of_range).toBe(curA.filter((v) => v < 5 || v > 15).length);
    const b = analyzeNumeric(plans[1] as NumericPlan, agg.windows.get(1) as NumericWindow);
    expect(b.dataQuality.missing).toBe(curB.filter((v) => v === null).length);

    const c = analyzeCategorical(plans[2] as CategoricalPlan, agg.windows.get(2) as CategoricalWindow);
    const count = (xs: string[]) =>
      xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
    const chi = chiSquareTest(count(refC), count(curC));
    const cpsi = psiCategorical(count(refC), count(curC));
    const cjs = jensenShannonCategorical(count(refC), count(curC), { base: 2 });
    if (!chi.computable || !cpsi.computable || !cjs.computable) throw new Error('not computable');
    expect(c.statistics.chi_square!.p_value).toBe(0);
    close(c.statistics.psi!, cpsi.statistic);
    close(c.statistics.jensen_shannon!, cjs.statistic);
    expect(c.unseen!.map((u) => u.category).sort()).toEqual(['v', 'w']);
    expect(c.dataQuality.unseen_category).toBe(curC.filter((v) => v === 'v' || v === 'w').length);
  });

  it('tests a few-valued numeric feature on its values as categories, new values included', async () => {
    const ref = [...Array(300).fill(1), ...Array(200).fill(2), ...Array(100).fill(3)];
    const cur = [
      ...Array(150).fill(1),
      ...Array(100).fill(2),
      ...Array(40).fill(3),
      ...Array(7).fill(2.5),
      2.75,
      2.75,
      9,
    ];
    await insert(
      'm3',
      cur.map((v) => ({ v })),
    );
    const plans = [planFeature(0, numeric('v'), numericProfile(ref))];
    const agg = await new WindowAggregator(primaryReads(ds)).aggregate(plans, {
      modelName: 'm3',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    const out = analyzeNumeric(plans[0] as NumericPlan, agg.windows.get(0) as NumericWindow);
    // 3 reference values + 3 new ones: 6 distinct, so Evidently's rule picks KS for a 600-row reference
    expect(out.choice?.test).toBe('ks');
    const count = (xs: number[]) =>
      xs.reduce((m, x) => m.set(String(x), (m.get(String(x)) ?? 0) + 1), new Map<string, number>());
    expect(out.statistics.chi_square).toBeUndefined();
    const ks = ks2samp(ref, cur);
    if (!ks.computable) throw new Error('not computable');
    close(out.statistics.ks!.p_value, ks.pValue);

    // without the 9, five distinct values: chi-square on the values as categories
    const five = [planFeature(0, numeric('v'), numericProfile(ref))];
    await insert(
      'm4',
      cur.filter((v) => v !== 9).map((v) => ({ v })),
    );
    const agg5 = await new WindowAggregator(primaryReads(ds)).aggregate(five, {
      modelName: 'm4',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    const out5 = analyzeNumeric(five[0] as NumericPlan, agg5.windows.get(0) as NumericWindow);
    expect(out5.choice?.test).toBe('chisquare');
    const js5 = jensenShannonCategorical(count(ref), count(cur.filter((v) => v !== 9)), { base: 2 });
    if (!js5.computable) throw new Error('not computable');
    expect(out5.score).toBe(0); // values the reference never had: an infinite statistic
    expect(out5.statistics.chi_square!.statistic).toBeNull();
    close(out5.statistics.jensen_shannon!, js5.statistic);
  });

  it('handles a tiny window, values beyond the reference and an empty window', async () => {
    const ref = [1.5, 2, 2, 3.25, 4, 4, 4, 7];
    const cur = [-1, 2, 2, 3.5, 9, 9];
    await insert(
      'm2',
      cur.map((v) => ({ v })),
    );
    const plans = [planFeature(0, numeric('v'), numericProfile(ref))];
    const agg = await new WindowAggregator(primaryReads(ds)).aggregate(plans, {
      modelName: 'm2',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    const out = analyzeNumeric(plans[0] as NumericPlan, agg.windows.get(0) as NumericWindow);
    const ks = ks2samp(ref, cur);
    const ws = wasserstein(ref, cur);
    if (!ks.computable || !ws.computable) throw new Error('not computable');
    close(out.statistics.ks!.p_value, ks.pValue);
    close(out.statistics.wasserstein!.distance, ws.distance);

    // ECDFs crossing between denormal values: the exact pass must not underflow
    const tinyRef = [0, 0, 0, 0, 0, 1e-320, ...Array(14).fill(1)];
    const tinyCur = [0, 2e-321, 3e-321, 5e-321, 1];
    await insert(
      'm5',
      tinyCur.map((v) => ({ v })),
    );
    const tinyPlans = [planFeature(0, numeric('v'), numericProfile(tinyRef))];
    const tiny = await new WindowAggregator(primaryReads(ds)).aggregate(tinyPlans, {
      modelName: 'm5',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    expect(tiny.errors.size).toBe(0);
    expect((tiny.windows.get(0) as NumericWindow).crossings.size).toBe(1);
    const tinyOut = analyzeNumeric(tinyPlans[0] as NumericPlan, tiny.windows.get(0) as NumericWindow);
    const tinyW = wasserstein(tinyRef, tinyCur);
    if (!tinyW.computable) throw new Error('not computable');
    expect(tinyOut.statistics.wasserstein!.distance).toBeCloseTo(tinyW.distance, 15);
    expect(Math.abs(tinyOut.statistics.wasserstein!.distance - tinyW.distance)).toBeLessThanOrEqual(
      1e-9 * tinyW.distance,
    );

    const empty = await new WindowAggregator(primaryReads(ds)).aggregate(plans, {
      modelName: 'none',
      modelVersion: '1',
      from: FROM,
      to: TO,
    });
    expect(empty.rows).toBe(0);
    const none = analyzeNumeric(plans[0] as NumericPlan, empty.windows.get(0) as NumericWindow);
    // not an error: too few values (none), which the verdict reports as insufficient_data
    expect(none.score).toBeNull();
    expect(none.currentSize).toBe(0);
    expect(none.error).toBeUndefined();
  });
});
