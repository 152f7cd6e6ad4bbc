import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ServableVersion } from '../../model-registry/model-version';
import { analyzeCategorical } from './analysis/categorical-analysis';
import { judgeFeatures } from './analysis/dataset-verdict';
import { failedOutcome, FeatureOutcome } from './analysis/feature-result';
import { minSampleOf } from './analysis/min-sample';
import { analyzeNumeric } from './analysis/numeric-analysis';
import { MonitoredFeature, monitoredFeatures } from './monitored-features';
import { FeatureProfile, StoredReference } from './reference/profile.types';
import { DriftReport } from './report/drift-report.types';
import { FeaturePlan, planFeature } from './window/feature-plan';
import { WindowAggregator } from './window/window-aggregator';
import { CategoricalWindow, FeatureWindow } from './window/window-data';

/** The parts of a report a run computes (the service adds identity, timing and status). */
export type DriftFigures = Pick<
  DriftReport,
  'sample_sizes' | 'dataset' | 'features' | 'prediction' | 'skipped_features' | 'timings_ms'
>;

function analyze(plan: FeaturePlan, window: FeatureWindow): FeatureOutcome {
  return plan.kind === 'numeric' && window.kind === 'numeric'
    ? analyzeNumeric(plan, window)
    : analyzeCategorical(plan as Extract<FeaturePlan, { kind: 'categorical' }>, window as CategoricalWindow);
}

/**
 * One drift run over one window: plan every monitored feature against the reference, aggregate the
 * window in SQL, then judge. Whatever fails for one feature (no reference column, a bad override,
 * unreadable logged values) becomes that feature's `error`; the others are still reported.
 */
@Injectable()
export class DriftRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly aggregator: WindowAggregator,
  ) {}

  async run(v: ServableVersion, reference: StoredReference, from: Date, to: Date): Promise<DriftFigures> {
    const set = monitoredFeatures(v.manifest, this.config.sanitize.fields);
    const all = [...set.features, set.prediction];
    const outcomes = new Map<MonitoredFeature, FeatureOutcome>();
    const minSamples = new Map<MonitoredFeature, number>();
    const plans: FeaturePlan[] = [];
    all.forEach((feature, index) => {
      const features = reference.profile.features;
      const profile: FeatureProfile | null | undefined =
        feature.source === 'prediction'
          ? reference.profile.prediction
          : Object.prototype.hasOwnProperty.call(features, feature.name)
            ? features[feature.name]
            : undefined;
      if (!profile) {
        outcomes.set(feature, failedOutcome(feature, 'the reference has no values for it'));
        return;
      }
      try {
        minSamples.set(feature, minSampleOf(feature, this.config.drift.minSample));
        plans.push(planFeature(index, feature, profile));
      } catch (err) {
        outcomes.set(feature, failedOutcome(feature, (err as Error).message, { reference: profile.count }));
      }
    });
    const aggregate = await this.aggregator.aggregate(plans, {
      modelName: v.name,
      modelVersion: v.version,
      from,
      to,
    });
    for (const plan of plans) {
      const error = aggregate.errors.get(plan.index);
      const window = aggregate.windows.get(plan.index);
      if (error || !window) {
        outcomes.set(
          plan.feature,
          failedOutcome(plan.feature, error ?? 'not aggregated', { reference: plan.profile.count }),
        );
        continue;
      }
      try {
        outcomes.set(plan.feature, { ...analyze(plan, window), minSample: minSamples.get(plan.feature) });
      } catch (err) {
        outcomes.set(
          plan.feature,
          failedOutcome(plan.feature, (err as Error).message, {
            reference: plan.profile.count,
            current: window.total,
            missing: window.missing,
          }),
        );
      }
    }
    const judged = judgeFeatures(
      set.features.map((f) => outcomes.get(f)!),
      this.config.drift.correction,
      this.config.drift.shareThreshold,
    );
    const prediction = judgeFeatures([outcomes.get(set.prediction)!], 'none', 1).features[0];
    const predictionPlan = plans.find((p) => p.feature === set.prediction);
    const predictionWindow = predictionPlan && aggregate.windows.get(predictionPlan.index);
    return {
      sample_sizes: { reference: reference.profile.rows, current: aggregate.rows },
      dataset: judged.dataset,
      features: judged.features,
      prediction:
        predictionPlan?.kind === 'categorical' && predictionWindow?.kind === 'categorical'
          ? { ...prediction, label_shares: labelShares(predictionPlan.known, predictionWindow) }
          : prediction,
      skipped_features: set.skipped,
      timings_ms: {
        buckets: Math.round(aggregate.timings.buckets),
        crossings: Math.round(aggregate.timings.crossings),
      },
    };
  }
}

/** Share of each predicted label in the window (labels the model never produced there have 0). */
function labelShares(known: string[], w: CategoricalWindow): { label: string; share: number }[] {
  const shares = known.map((label, i) => ({ label, share: w.total > 0 ? w.counts[i] / w.total : 0 }));
  w.unseen.values.forEach((label, i) => shares.push({ label, share: w.unseen.counts[i] / w.total }));
  return shares;
}
