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

/** Free text: passed to the graph as a string tensor, or through the model's tokenizer. */
export interface TextFeature {
  name: string;
  type: 'text';
  required: boolean;
  /** Most characters (Unicode code points) accepted. */
  maxLength: number;
  /** A longer text: `reject` (422) or `truncate` to maxLength, said in the response. */
  overLength: 'reject' | 'truncate';
}

export type FeatureSpec = NumericFeature | CategoricalFeature | TextFeature;

/**
 * A Hugging Face tokenizer (`tokenizer.json` beside the graph): the text feature becomes
 * input_ids / attention_mask / token_type_ids, truncated to `maxLength` tokens.
 */
export interface TokenizerSpec {
  /** File name inside the version directory. */
  file: string;
  /** Most tokens per text, special tokens included; else read from the tokenizer files or config.json. */
  maxLength?: number;
}

export interface InputMapping {
  name: string;
  features: string[];
}

export interface OutputMapping {
  label?: string;
  probabilities?: string;
  value?: string;
  /** Classification: raw scores per label, turned into probabilities with a softmax (Hugging Face `logits`). */
  logits?: string;
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
  /** Estimated performance (CBPE): the reference.csv column with the true label, reference chunks. */
  performance: { target?: string; chunks?: number };
  batching?: { maxBatchSize?: number; maxDelayMs?: number };
  tokenizer?: TokenizerSpec;
}

/** Width of a feature in its input tensor: one column (a number or a string), or a one-hot block. */
export function featureWidth(feature: FeatureSpec): number {
  return feature.type === 'categorical' ? feature.categories.length : 1;
}

export function textFeatures(manifest: Pick<Manifest, 'features'>): TextFeature[] {
  return manifest.features.filter((f): f is TextFeature => f.type === 'text');
}
