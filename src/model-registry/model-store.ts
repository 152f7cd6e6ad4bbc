import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredVersion {
  name: string;
  version: string;
  dir: string;
  modelPath: string;
  manifestPath?: string;
  referencePath?: string;
}

export interface StoredModel {
  name: string;
  defaultVersion?: string;
  /** model.json `"serveAsDefault": true`: this model answers `POST /predict` unless DEFAULT_MODEL says otherwise. */
  serveAsDefault: boolean;
  versions: StoredVersion[];
  /** Problems with the model directory itself (bad model.json), reported instead of thrown. */
  problems: string[];
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Versions sort numerically when they look like numbers, so "10" comes after "9". */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/** Reads the `<name>/<version>/model.onnx` layout of MODELS_DIR; loading is the registry's job. */
export class ModelStore {
  constructor(private readonly root: string) {}

  scan(): StoredModel[] {
    if (!existsSync(this.root)) return [];
    const models: StoredModel[] = [];
    for (const name of readdirSync(this.root).sort()) {
      const dir = join(this.root, name);
      if (!SAFE_NAME.test(name) || !statSync(dir).isDirectory()) continue;
      const problems: string[] = [];
      const versions = readdirSync(dir)
        .filter((v) => SAFE_NAME.test(v) && statSync(join(dir, v)).isDirectory())
        .sort(compareVersions)
        .map((version) => this.version(name, version, join(dir, version)));
      let defaultVersion: string | undefined;
      let serveAsDefault = false;
      const modelJson = join(dir, 'model.json');
      if (existsSync(modelJson)) {
        try {
          const parsed = JSON.parse(readFileSync(modelJson, 'utf8')) as {
            defaultVersion?: unknown;
            serveAsDefault?: unknown;
          };
          if (parsed.defaultVersion !== undefined) defaultVersion = String(parsed.defaultVersion);
          serveAsDefault = parsed.serveAsDefault === true;
        } catch (err) {
          problems.push(`model.json is not valid JSON: ${(err as Error).message}`);
        }
      }
      if (defaultVersion && !versions.some((v) => v.version === defaultVersion)) {
        problems.push(`defaultVersion "${defaultVersion}" has no directory`);
        defaultVersion = undefined;
      }
      if (versions.length === 0) problems.push('no version directories');
      models.push({
        name,
        defaultVersion: defaultVersion ?? versions.at(-1)?.version,
        serveAsDefault,
        versions,
        problems,
      });
    }
    return models;
  }

  private version(name: string, version: string, dir: string): StoredVersion {
    const manifestPath = join(dir, 'manifest.json');
    const referencePath = join(dir, 'reference.csv');
    return {
      name,
      version,
      dir,
      modelPath: join(dir, 'model.onnx'),
      manifestPath: existsSync(manifestPath) ? manifestPath : undefined,
      referencePath: existsSync(referencePath) ? referencePath : undefined,
    };
  }
}
