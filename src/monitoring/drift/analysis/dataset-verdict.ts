import { benjaminiHochberg, bonferroni, isDrift } from '../stats';
import { DriftReport, FeatureDrift } from '../report/drift-report.types';
import { FeatureOutcome, insufficient, toFeatureDrift } from './feature-result';

export type Correction = 'none' | 'bonferroni' | 'bh';

/**
 * Verdicts per feature and for the dataset. With a correction, the p-values of the features judged
 * by a p-value test are adjusted together (Bonferroni or Benjamini-Hochberg) and the adjusted value
 * meets the threshold; distance tests are left as they are. A feature with fewer values than its
 * minimum sample is not judged (`insufficient_data`) and takes no part in the correction. The
 * dataset drifts when at least `shareThreshold` of the features that could be judged drift.
 */
export function judgeFeatures(
  outcomes: FeatureOutcome[],
  correction: Correction,
  shareThreshold: number,
): { features: FeatureDrift[]; dataset: DriftReport['dataset'] } {
  const adjusted = new Map<FeatureOutcome, number>();
  if (correction !== 'none') {
    const tested = outcomes.filter(
      (o) => o.choice?.scoreKind === 'p-value' && o.score !== null && !insufficient(o),
    );
    const ps = tested.map((o) => o.score!);
    const out = ps.length === 0 ? [] : correction === 'bonferroni' ? bonferroni(ps) : benjaminiHochberg(ps);
    tested.forEach((o, i) => adjusted.set(o, out[i]));
  }
  const features = outcomes.map((o) => {
    if (o.choice === null || o.score === null || insufficient(o))
      return toFeatureDrift(o, null, correction === 'none' ? undefined : null);
    const p = adjusted.get(o);
    const verdict = isDrift(o.choice, p ?? o.score);
    return toFeatureDrift(o, verdict, correction === 'none' ? undefined : (p ?? null));
  });
  const judged = features.filter((f) => f.drift_detected !== null);
  const drifted = judged.filter((f) => f.drift_detected).map((f) => f.name);
  const driftShare = judged.length > 0 ? drifted.length / judged.length : null;
  const detected = driftShare !== null && driftShare >= shareThreshold;
  const short = features.filter((f) => f.verdict === 'insufficient_data').map((f) => f.name);
  return {
    features,
    dataset: {
      verdict: detected
        ? 'drift'
        : judged.length === 0 && short.length > 0
          ? 'insufficient_data'
          : 'no_drift',
      drift_share: driftShare,
      drift_detected: detected,
      share_threshold: shareThreshold,
      drifted_features: drifted,
      tested_features: judged.length,
      monitored_features: features.length,
      insufficient_data_features: short,
      correction,
    },
  };
}
