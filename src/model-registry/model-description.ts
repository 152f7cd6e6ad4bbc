import { readFile } from 'node:fs/promises';
import { Manifest } from './manifest';
import { parseManifest } from './manifest-parser';
import { readHfFiles, withHfDefaults } from './text/hf-directory';
import { TextTokenizer } from './text/text-tokenizer';

/** What a version directory says about its graph: the manifest, and the tokenizer it names. */
export interface ModelDescription {
  manifest: Manifest;
  tokenizer?: TextTokenizer;
}

/**
 * Reads manifest.json; a manifest that names a tokenizer also reads the Hugging Face files beside
 * it (config.json for the labels, tokenizer_config.json and tokenizer.json for the tokenizer).
 */
export async function readDescription(dir: string, manifestPath: string): Promise<ModelDescription> {
  const raw: unknown = JSON.parse(await readFile(manifestPath, 'utf8'));
  const names = (raw as { tokenizer?: unknown } | null)?.tokenizer !== undefined;
  if (!names) return { manifest: parseManifest(raw) };
  const files = await readHfFiles(dir);
  const manifest = parseManifest(withHfDefaults(raw, files));
  return { manifest, tokenizer: await TextTokenizer.load(dir, manifest.tokenizer!, files) };
}
