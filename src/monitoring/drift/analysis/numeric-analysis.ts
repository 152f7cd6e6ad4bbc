import { jensenShannonFromCounts, ksFromCounts, psiFromCounts, WASSERSTEIN_MIN_STD } from '../stats';
import { chartEdges, referenceBinCounts, referenceRangeCounts } from '../reference/profile-math';
import { DriftChart, FeatureStatistics } from '../report/drift-report.types';
import { NumericPlan } from '../window/feature-plan';
import { NumericBuckets } from '../window/numeric-buckets';
import { NumericWindow } from '../window/window-data';
import { categoricalStatistics } from './categorical-analysis';
import { FeatureOutcome, proportionsOf, share } from './feature-result';
import { chooseTest } from './test-choice';

/** Compact labels for chart axes: 4 significant digits, no exponent noise for ordinary values. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e7 || abs < 1e-3)) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

function chart(plan: NumericPlan, buckets: NumericBuckets): DriftChart {
  const edges = chartEdges(plan.profile);
  const labels = edges.length === 0 ? ['all'] : [`< ${formatValue(edges[0])}`];
  for (let i = 0; i + 1 < edges.length; i++)
    labels.push(`${formatValue(edges[i])} – ${formatValue(edges[i + 1])}`);
  if (edges.length > 0) labels.push(`≥ ${formatValue(edges[edges.length - 1])}`);
  return {
    labels,
    reference: proportionsOf(referenceRangeCounts(plan.profile, edges)),
    current: proportionsOf(buckets.rangeCounts(edges)),
  };
}

/** Reference values as categories (for chi-square, Z and JS on a few-valued numeric feature). */
function referenceValueCounts(plan: NumericPlan): Map<string, number> {
  return new Map(plan.profile.values.map((u, i) => [String(u), plan.profile.counts[i]]));
}

export function analyzeNumeric(plan: NumericPlan, window: NumericWindow): FeatureOutcome {
  const { profile, feature } = plan;
  const buckets = new NumericBuckets(plan, window);
  const m = window.total;
  const outOfRange = buckets.outOfRange();
  const base = {
    feature,
    referenceSize: profile.count,
    currentSize: m,
    dataQuality: {
      missing: window.missing,
      missing_share: share(window.missing, m + window.missing),
      ...(feature.min !== undefined || feature.max !== undefined
        ? { out_of_range: outOfRange, out_of_range_share: share(outOfRange, m) }
        : {}),
    },
    chart: chart(plan, buckets),
  };
  // nothing to test: the verdict is insufficient_data (the dataset verdict knows the minimum)
  if (m === 0) return { ...base, choice: null, score: null, statistics: {} };
  const statistics: FeatureStatistics = {};
  const support = {
    values: Float64Array.from(profile.values),
    counts: Float64Array.from(profile.counts),
    size: profile.count,
  };
  const ks = ksFromCounts(support, buckets.ksCounts());
  if (ks.computable) statistics.ks = { statistic: ks.statistic, p_value: ks.pValue, method: ks.method };
  const refBins = referenceBinCounts(profile, profile.binEdges);
  const curBins = buckets.binCounts(profile.binEdges);
  const psi = psiFromCounts(refBins, curBins);
  if (psi.computable) statistics.psi = psi.statistic;
  const js = jensenShannonFromCounts(refBins, curBins, { base: 2 });
  if (js.computable) statistics.jensen_shannon = js.statistic;
  const distance = buckets.wasserstein();
  const normed = distance / Math.max(profile.std, WASSERSTEIN_MIN_STD);
  statistics.wasserstein = { distance, normed, reference_std: profile.std };

  // Evidently counts distinct values of both windows; past 5 the exact number does not matter,
  // and features with fewer reference values have the window's values listed
  const values = buckets.valueCounts();
  const distinct = profile.values.length + (values ? countNew(plan, values) : 0);
  const choice = chooseTest('numeric', profile.count, distinct, feature.override);
  let score: number;
  if (choice.treatAs === 'categorical') {
    if (!values) throw new Error('the distinct values of the window were not listed');
    const cat = categoricalStatistics(referenceValueCounts(plan), values, choice.test);
    Object.assign(statistics, cat.statistics);
    score = cat.score;
  } else if (choice.test === 'ks') score = statistics.ks!.p_value;
  else if (choice.test === 'wasserstein') score = normed;
  else if (choice.test === 'psi') score = statistics.psi!;
  else if (choice.test === 'jensenshannon') score = statistics.jensen_shannon!;
  else throw new Error(`test ${choice.test} does not apply to numeric values`);
  return { ...base, choice, score, statistics };
}

/** Window values that are not reference values (their union with the reference is Evidently's count). */
function countNew(plan: NumericPlan, values: Map<string, number>): number {
  const support = new Set(plan.profile.values.map(String));
  let n = 0;
  for (const v of values.keys()) if (!support.has(v)) n++;
  return n;
}
