import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isJsonObject } from '../../common/json';
import { ManifestError } from '../feature-parser';

/** What a Hugging Face export says about itself, read from the files beside model.onnx. */
export interface HfFiles {
  /** config.json: id2label, max_position_embeddings, pad_token_id. */
  config: Record<string, unknown>;
  /** tokenizer_config.json: model_max_length, pad_token, ... (passed to the tokenizer library). */
  tokenizerConfig: Record<string, unknown>;
}

async function readJson(path: string, what: string): Promise<Record<string, unknown>> {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new ManifestError(`${what} is not valid JSON: ${(err as Error).message}`);
  }
  if (!isJsonObject(parsed)) throw new ManifestError(`${what} must be a JSON object`);
  return parsed;
}

export async function readHfFiles(dir: string): Promise<HfFiles> {
  return {
    config: await readJson(join(dir, 'config.json'), 'config.json'),
    tokenizerConfig: await readJson(join(dir, 'tokenizer_config.json'), 'tokenizer_config.json'),
  };
}

/** config.json's `id2label` ({"0": "negative", "1": "positive"}) as labels in id order. */
export function labelsFromConfig(config: Record<string, unknown>): string[] | undefined {
  const map = config.id2label;
  if (!isJsonObject(map)) return undefined;
  const labels: string[] = [];
  for (const [id, label] of Object.entries(map)) {
    const index = Number(id);
    if (
      !Number.isInteger(index) ||
      index < 0 ||
      index >= Object.keys(map).length ||
      typeof label !== 'string'
    ) {
      throw new ManifestError('config.json id2label must map the ids 0..n-1 to label strings');
    }
    labels[index] = label;
  }
  return labels;
}

/**
 * A manifest that names a tokenizer takes its labels from config.json's id2label unless it lists
 * its own, so a Hugging Face export is served with `{"tokenizer": "tokenizer.json"}` alone.
 */
export function withHfDefaults(raw: unknown, files: HfFiles): unknown {
  if (!isJsonObject(raw) || raw.tokenizer === undefined || raw.labels !== undefined) return raw;
  const labels = labelsFromConfig(files.config);
  if (!labels) throw new ManifestError('config.json has no id2label: list the labels in the manifest');
  return { ...raw, labels };
}
