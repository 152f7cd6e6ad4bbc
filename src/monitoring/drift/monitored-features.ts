import { DriftOverride, Manifest } from '../../model-registry/manifest';
import { PREDICTION_FEATURE } from './reference/profile.types';

export type FeatureKind = 'numeric' | 'categorical';

/** A column drift looks at: an input feature, or the model output. */
export interface MonitoredFeature {
  name: string;
  kind: FeatureKind;
  /** `input`: `inputs->>name` of the log; `prediction`: predicted_label / predicted_value. */
  source: 'input' | 'prediction';
  /** Manifest range (numeric): values outside count as out of range. */
  min?: number;
  max?: number;
  /** Manifest categories (categorical inputs) or labels (classifier output). */
  categories: string[];
  override?: DriftOverride;
}

export interface SkippedFeature {
  name: string;
  reason: string;
}

export interface MonitoredSet {
  features: MonitoredFeature[];
  prediction: MonitoredFeature;
  skipped: SkippedFeature[];
}

/**
 * The manifest's features, less those the log does not hold as sent: a field with a sanitize rule
 * is dropped, masked or hashed before logging, so comparing it with the raw reference would report
 * drift that is only the sanitizer's doing.
 */
export function monitoredFeatures(manifest: Manifest, globalSanitize: Record<string, unknown>): MonitoredSet {
  const overrides = manifest.drift.features;
  const override = (name: string): DriftOverride | undefined =>
    Object.prototype.hasOwnProperty.call(overrides, name) ? overrides[name] : undefined;
  const features: MonitoredFeature[] = [];
  const skipped: SkippedFeature[] = [];
  for (const f of manifest.features) {
    const rule = manifest.sanitize.fields[f.name] ?? globalSanitize[f.name];
    if (rule !== undefined) {
      skipped.push({ name: f.name, reason: `sanitized before logging (${String(rule)})` });
      continue;
    }
    if (f.type === 'text') {
      skipped.push({ name: f.name, reason: 'free text' });
      continue;
    }
    features.push(
      f.type === 'numeric'
        ? { name: f.name, kind: 'numeric', source: 'input', min: f.min, max: f.max, categories: [] }
        : { name: f.name, kind: 'categorical', source: 'input', categories: f.categories },
    );
    const o = override(f.name);
    if (o) features[features.length - 1].override = o;
  }
  const classification = manifest.task === 'classification';
  const prediction: MonitoredFeature = {
    name: PREDICTION_FEATURE,
    kind: classification ? 'categorical' : 'numeric',
    source: 'prediction',
    categories: classification ? manifest.labels : [],
    override: override(PREDICTION_FEATURE),
  };
  return { features, prediction, skipped };
}
