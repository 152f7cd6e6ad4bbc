import { MonitoredFeature } from '../monitored-features';

/**
 * The fewest values a feature needs in the window before its test is allowed a verdict: the
 * manifest's `drift.features[name].minSample`, else DRIFT_MIN_SAMPLE. An unusable override throws,
 * so that feature reports the reason and the others are still judged.
 */
export function minSampleOf(feature: MonitoredFeature, fallback: number): number {
  const raw = feature.override?.minSample;
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > 10_000_000) {
    throw new Error(`manifest drift minSample ${String(raw)} must be an integer between 1 and 10000000`);
  }
  return raw;
}
