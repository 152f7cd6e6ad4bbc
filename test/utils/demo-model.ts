import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeatureEncoder } from '../../src/model-registry/feature-encoder';
import { Manifest } from '../../src/model-registry/manifest';
import { readDescription } from '../../src/model-registry/model-description';
import { ModelSession, OrtSessionFactory } from '../../src/model-registry/onnx-session';
import { TextTokenizer } from '../../src/model-registry/text/text-tokenizer';

export const MODELS_DIR = join(__dirname, '..', '..', 'models');

/** A row of samples.json: the request and what the training script's own model answered. */
export interface DemoSample {
  features: Record<string, number | string>;
  probabilities?: number[];
  label?: string;
  value?: number;
  /** Tokenizer models: the ids the training script fed its model. */
  input_ids?: number[];
}

export interface DemoModel {
  dir: string;
  manifest: Manifest;
  tokenizer?: TextTokenizer;
  encoder: FeatureEncoder;
  session: ModelSession;
  samples: DemoSample[];
}

/** A committed demo model loaded the way the registry loads it, with a real onnxruntime session. */
export async function loadDemoModel(name: string, version: string): Promise<DemoModel> {
  const dir = join(MODELS_DIR, name, version);
  const { manifest, tokenizer } = await readDescription(dir, join(dir, 'manifest.json'));
  const session = await new OrtSessionFactory().create(join(dir, 'model.onnx'));
  const samples = JSON.parse(readFileSync(join(dir, 'samples.json'), 'utf8')) as DemoSample[];
  return {
    dir,
    manifest,
    tokenizer,
    encoder: new FeatureEncoder(manifest, session.inputs, tokenizer),
    session,
    samples,
  };
}
