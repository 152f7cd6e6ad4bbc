import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A binary from the Prometheus Debian packages, and where it was found (if anywhere). */
export interface Tool {
  name: string;
  debianPackage: string;
  path?: string;
}

function which(names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const promtool: Tool = { name: 'promtool', debianPackage: 'prometheus', path: which(['promtool']) };
export const prometheus: Tool = {
  name: 'prometheus',
  debianPackage: 'prometheus',
  path: which(['prometheus']),
};
export const amtool: Tool = {
  name: 'amtool',
  debianPackage: 'prometheus-alertmanager',
  path: which(['amtool']),
};
// Debian names the binary prometheus-alertmanager; upstream tarballs call it alertmanager
export const alertmanager: Tool = {
  name: 'alertmanager',
  debianPackage: 'prometheus-alertmanager',
  path: which(['alertmanager', 'prometheus-alertmanager']),
};

/**
 * `it` when the tools are there; otherwise a test that fails naming the Debian package. Never a
 * skip: `npm test` checks for every tool before jest starts (scripts/lib/test-tools.js), and a
 * file run on its own without them fails the same way rather than passing with nothing run.
 */
export function itWithTools(
  tools: Tool[],
): (name: string, fn: jest.ProvidesCallback, timeout?: number) => void {
  const missing = tools.filter((t) => !t.path);
  if (missing.length === 0) return (name, fn, timeout) => it(name, fn, timeout);
  const why = missing
    .map((t) => `${t.name} not found: install the Debian package ${t.debianPackage}`)
    .join('; ');
  return (name) =>
    it(name, () => {
      throw new Error(why);
    });
}

/** Runs a tool to completion; the combined output goes into assertion messages. */
export function runTool(tool: Tool, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(tool.path ?? tool.name, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
