import {
  alignCategoryCounts,
  chiSquareTest,
  jensenShannonCategorical,
  psiCategorical,
  zTest,
} from '../stats';
import { DriftChart, FeatureStatistics } from '../report/drift-report.types';
import { CategoricalPlan } from '../window/feature-plan';
import { CategoricalWindow } from '../window/window-data';
import { FeatureOutcome, share } from './feature-result';
import { chooseTest, MonitorTest } from './test-choice';

/** The unseen values beyond those fetched, lumped into one category no real value can be. */
export const OTHER_UNSEEN = '\u0000other unseen values';
const CHART_CATEGORIES = 15;

/** Every categorical figure over two count maps, and the score of `test` among them. */
export function categoricalStatistics(
  reference: Map<string, number>,
  current: Map<string, number>,
  test: MonitorTest,
): { statistics: FeatureStatistics; score: number } {
  const statistics: FeatureStatistics = {};
  const chi = chiSquareTest(reference, current);
  if (chi.computable) {
    statistics.chi_square = {
      statistic: Number.isFinite(chi.statistic) ? chi.statistic : null,
      p_value: chi.pValue,
      degrees_of_freedom: chi.degreesOfFreedom,
    };
  }
  if (alignCategoryCounts(reference, current).categories.length <= 2) {
    const z = zTest(reference, current);
    if (z.computable) statistics.z = { statistic: z.statistic, p_value: z.pValue };
  }
  const psi = psiCategorical(reference, current);
  if (psi.computable) statistics.psi = psi.statistic;
  const js = jensenShannonCategorical(reference, current, { base: 2 });
  if (js.computable) statistics.jensen_shannon = js.statistic;
  const score =
    test === 'chisquare'
      ? statistics.chi_square?.p_value
      : test === 'z'
        ? (statistics.z?.p_value ?? zPValue(reference, current))
        : test === 'psi'
          ? statistics.psi
          : test === 'jensenshannon'
            ? statistics.jensen_shannon
            : undefined;
  if (score === undefined || !Number.isFinite(score)) throw new Error(`test ${test} does not apply here`);
  return { statistics, score };
}

/** Z on more than two categories (a manifest override): Evidently's "first category vs the rest". */
function zPValue(reference: Map<string, number>, current: Map<string, number>): number | undefined {
  const z = zTest(reference, current);
  return z.computable ? z.pValue : undefined;
}

function chart(
  reference: Map<string, number>,
  current: Map<string, number>,
  refTotal: number,
  curTotal: number,
): DriftChart {
  const names = [...new Set([...reference.keys(), ...current.keys()])];
  const weight = (c: string) =>
    Math.max((reference.get(c) ?? 0) / (refTotal || 1), (current.get(c) ?? 0) / (curTotal || 1));
  names.sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1));
  const shown = names.slice(0, CHART_CATEGORIES);
  const rest = names.slice(CHART_CATEGORIES);
  const prop = (m: Map<string, number>, total: number, cs: string[]) =>
    total > 0 ? cs.reduce((acc, c) => acc + (m.get(c) ?? 0), 0) / total : 0;
  const labels = shown.map((c) => (c === OTHER_UNSEEN ? '(other unseen)' : c));
  const out: DriftChart = {
    labels,
    reference: shown.map((c) => prop(reference, refTotal, [c])),
    current: shown.map((c) => prop(current, curTotal, [c])),
  };
  if (rest.length > 0) {
    out.labels.push(`(${rest.length} more)`);
    out.reference.push(prop(reference, refTotal, rest));
    out.current.push(prop(current, curTotal, rest));
  }
  return out;
}

export function analyzeCategorical(plan: CategoricalPlan, window: CategoricalWindow): FeatureOutcome {
  const { profile, feature } = plan;
  const reference = new Map(profile.categories);
  const current = new Map<string, number>();
  plan.known.forEach((c, i) => window.counts[i] > 0 && current.set(c, window.counts[i]));
  let fetched = 0;
  window.unseen.values.forEach((v, i) => {
    current.set(v, window.unseen.counts[i]);
    fetched += window.unseen.counts[i];
  });
  if (window.unseenTotal > fetched) current.set(OTHER_UNSEEN, window.unseenTotal - fetched);
  const unseen = [...current.entries()]
    .filter(([c]) => !reference.has(c))
    .sort((a, b) => b[1] - a[1])
    .map(([category, count]) => ({
      category: category === OTHER_UNSEEN ? '(other unseen)' : category,
      count,
    }));
  const unseenCount = unseen.reduce((acc, u) => acc + u.count, 0);
  const m = window.total;
  const base = {
    feature,
    referenceSize: profile.count,
    currentSize: m,
    unseen: unseen.slice(0, 50),
    dataQuality: {
      missing: window.missing,
      missing_share: share(window.missing, m + window.missing),
      unseen_category: unseenCount,
      unseen_category_share: share(unseenCount, m),
    },
    chart: chart(reference, current, profile.count, m),
  };
  if (m === 0) return { ...base, choice: null, score: null, statistics: {} };
  const distinct = new Set([...reference.keys(), ...current.keys()]).size;
  const choice = chooseTest('categorical', profile.count, distinct, feature.override);
  const { statistics, score } = categoricalStatistics(reference, current, choice.test);
  return { ...base, choice, score, statistics };
}
