import {
  jensenShannonFromCounts,
  jensenShannonNumeric,
  ks2samp,
  ksFromCounts,
  psiFromCounts,
  psiNumeric,
  wasserstein,
} from '../stats';
import { referenceBinCounts } from '../reference/profile-math';
import { MonitoredFeature } from '../monitored-features';
import { numericProfile } from '../reference/profile-builder';
import { NumericPlan, planFeature } from './feature-plan';
import { NumericBuckets } from './numeric-buckets';
import { emptyNumericWindow, NumericWindow } from './window-data';
import { rng } from '../../../../test/utils/rng';

const feature: MonitoredFeature = {
  name: 'x',
  kind: 'numeric',
  source: 'input',
  categories: [],
  min: -1,
  max: 4,
};

/** What the SQL pass computes, done in memory: width_bucket, count and sum per bucket, exact crossings. */
function simulate(plan: NumericPlan, values: number[]): NumericWindow {
  const T = plan.thresholds;
  const w = emptyNumericWindow(T.length + 1);
  const members: number[][] = Array.from({ length: T.length + 1 }, () => []);
  for (const x of values) {
    let b = 0;
    while (b < T.length && T[b] <= x) b++;
    w.n[b]++;
    w.s[b] += x;
    w.total++;
    members[b].push(x);
  }
  const m = w.total;
  for (const c of new NumericBuckets(plan, w).crossingBuckets()) {
    const xs = members[c.bucket].sort((a, b) => a - b);
    let integral = Math.abs(c.reference - c.before / m) * (xs[0] - c.start);
    xs.forEach((x, i) => {
      const next = i + 1 < xs.length ? xs[i + 1] : c.end;
      integral += Math.abs(c.reference - (c.before + i + 1) / m) * (next - x);
    });
    w.crossings.set(c.bucket, integral);
  }
  return w;
}

const near = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(b)));

describe(NumericBuckets.name, () => {
  const cases: [string, number[], number[]][] = [];
  const r = rng(11);
  const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
  cases.push(['continuous, shifted', draw(300, () => r() * 3), draw(2000, () => r() * 3 + 0.3)]);
  cases.push(['continuous, same', draw(200, () => r() + r()), draw(1500, () => r() + r())]);
  cases.push([
    'ties on both sides',
    draw(400, () => Math.floor(r() * 6) / 2),
    draw(900, () => Math.floor(r() * 7) / 2),
  ]);
  cases.push(['current beyond the reference', draw(100, () => r()), draw(50, () => r() * 6 - 2)]);
  cases.push(['one value', [1, 2, 3], [2.5]]);

  it.each(cases)('gives the in-memory KS, Wasserstein, PSI and JS: %s', (_name, ref, cur) => {
    const plan = planFeature(0, feature, numericProfile(ref)) as NumericPlan;
    const buckets = new NumericBuckets(plan, simulate(plan, cur));
    const support = {
      values: Float64Array.from(plan.profile.values),
      counts: Float64Array.from(plan.profile.counts),
      size: ref.length,
    };
    const fromCounts = ksFromCounts(support, buckets.ksCounts());
    const ks = ks2samp(ref, cur);
    const w = wasserstein(ref, cur);
    const psi = psiNumeric(ref, cur);
    const js = jensenShannonNumeric(ref, cur, { base: 2 });
    if (!fromCounts.computable || !ks.computable || !w.computable || !psi.computable || !js.computable)
      throw new Error('x');
    expect(fromCounts.statistic).toBe(ks.statistic);
    expect(fromCounts.pValue).toBe(ks.pValue);
    near(buckets.wasserstein(), w.distance);
    const curBins = buckets.binCounts(plan.profile.binEdges);
    const refBins = referenceBinCounts(plan.profile, plan.profile.binEdges);
    const psiCounts = psiFromCounts(refBins, curBins);
    const jsCounts = jensenShannonFromCounts(refBins, curBins, { base: 2 });
    if (!psiCounts.computable || !jsCounts.computable) throw new Error('x');
    expect(psiCounts.statistic).toBe(psi.statistic);
    expect(jsCounts.statistic).toBe(js.statistic);
    expect(buckets.outOfRange()).toBe(cur.filter((x) => x < -1 || x > 4).length);
  });

  it('needs the exact pass only where the ECDFs cross inside a gap holding two values or more', () => {
    const plan = planFeature(0, feature, numericProfile([0, 1, 2, 3])) as NumericPlan;
    const w = simulate(plan, [0.1, 0.15, 0.2, 2.5]);
    const crossing = new NumericBuckets(plan, w).crossingBuckets();
    expect(crossing).toHaveLength(1);
    expect(crossing[0]).toMatchObject({ reference: 0.25, before: 0, start: Number.MIN_VALUE });
    expect(() => new NumericBuckets(plan, { ...w, crossings: new Map() }).wasserstein()).toThrow(
      /second pass/,
    );
  });
});
