import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Sightline's version from its package.json, found by walking up (the path differs in src/ and dist/). */
export function sightlineVersion(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sightline' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}
