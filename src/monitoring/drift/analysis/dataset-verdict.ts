import { benjaminiHochberg, bonferroni, isDrift } from '../stats';
import { DriftReport, FeatureDrift } from '../report/drift-report.types';
import { FeatureOutcome, toFeatureDrift } from './feature-result';

export type Correction = 'none' | 'bonferroni' | 'bh';

/**
 * Verdicts per feature and for the dataset. With a correction, the p-values of the features judged
 * by a p-value test are adjusted together (Bonferroni or Benjamini-Hochberg) and the adjusted value
 * meets the threshold; distance tests are left as they are. The dataset drifts when at least
 * `shareThreshold` of the features that could be judged drift.
 */
export function judgeFeatures(
  outcomes: FeatureOutcome[],
  correction: Correction,
  shareThreshold: number,
): { features: FeatureDrift[]; dataset: DriftReport['dataset'] } {
  const adjusted = new Map<FeatureOutcome, number>();
  if (correction !== 'none') {
    const tested = outcomes.filter((o) => o.choice?.scoreKind === 'p-value' && o.score !== null);
    const ps = tested.map((o) => o.score!);
    const out = ps.length === 0 ? [] : correction === 'bonferroni' ? bonferroni(ps) : benjaminiHochberg(ps);
    tested.forEach((o, i) => adjusted.set(o, out[i]));
  }
  const features = outcomes.map((o) => {
    if (o.choice === null || o.score === null)
      return toFeatureDrift(o, null, correction === 'none' ? undefined : null);
    const p = adjusted.get(o);
    const verdict = isDrift(o.choice, p ?? o.score);
    return toFeatureDrift(o, verdict, correction === 'none' ? undefined : (p ?? null));
  });
  const judged = features.filter((f) => f.drift_detected !== null);
  const drifted = judged.filter((f) => f.drift_detected).map((f) => f.name);
  const driftShare = judged.length > 0 ? drifted.length / judged.length : null;
  return {
    features,
    dataset: {
      drift_share: driftShare,
      drift_detected: driftShare !== null && driftShare >= shareThreshold,
      share_threshold: shareThreshold,
      drifted_features: drifted,
      tested_features: judged.length,
      correction,
    },
  };
}
