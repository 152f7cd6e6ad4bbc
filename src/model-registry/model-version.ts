import { FeatureEncoder } from './feature-encoder';
import { Manifest } from './manifest';
import { StoredVersion } from './model-store';
import { ModelSession, TensorInfo } from './onnx-session';
import { TextTokenizer } from './text/text-tokenizer';

export type ModelStatus = 'loading' | 'ready' | 'failed';

/** One version of one model as the registry holds it. */
export interface ModelVersion {
  name: string;
  version: string;
  status: ModelStatus;
  error?: string;
  stored: StoredVersion;
  manifest?: Manifest;
  encoder?: FeatureEncoder;
  /** The Hugging Face tokenizer the manifest names, if any. */
  tokenizer?: TextTokenizer;
  session?: ModelSession;
  inputs: TensorInfo[];
  outputs: TensorInfo[];
  loadedAt?: Date;
}

export interface RegisteredModel {
  name: string;
  defaultVersion?: string;
  serveAsDefault: boolean;
  versions: Map<string, ModelVersion>;
  problems: string[];
}

/** A version the prediction path may use: ready and described by a manifest. */
export interface ServableVersion extends ModelVersion {
  status: 'ready';
  manifest: Manifest;
  encoder: FeatureEncoder;
  session: ModelSession;
}
