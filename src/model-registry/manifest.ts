export type Task = 'classification' | 'regression';
export type SanitizeAction = 'drop' | 'mask' | 'hash';

export interface NumericFeature {
  name: string;
  type: 'numeric';
  required: boolean;
  default?: number;
  min?: number;
  max?: number;
  outOfRange: 'reject' | 'clip' | 'accept';
}

export interface CategoricalFeature {
  name: string;
  type: 'categorical';
  required: boolean;
  categories: string[];
  unseen: 'reject' | 'ignore';
}

export type FeatureSpec = NumericFeature | CategoricalFeature;

export interface InputMapping {
  name: string;
  features: string[];
}

export interface OutputMapping {
  label?: string;
  probabilities?: string;
  value?: string;
}

/** A feature's drift test override, read by the drift monitor. */
export interface DriftOverride {
  test?: string;
  threshold?: number;
  /** Fewest values in the window for a verdict (default DRIFT_MIN_SAMPLE). */
  minSample?: number;
}

export interface Manifest {
  task: Task;
  description?: string;
  features: FeatureSpec[];
  labels: string[];
  inputs: InputMapping[];
  outputs: OutputMapping;
  sanitize: { fields: Record<string, SanitizeAction> };
  drift: { features: Record<string, DriftOverride>; [key: string]: unknown };
  batching?: { maxBatchSize?: number; maxDelayMs?: number };
}

/** Width of a feature in its input tensor: one column, or a one-hot block. */
export function featureWidth(feature: FeatureSpec): number {
  return feature.type === 'numeric' ? 1 : feature.categories.length;
}
