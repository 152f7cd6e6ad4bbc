import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const SRC = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The folder under src/ a file belongs to; undefined for the composition root (app.module.ts, main.ts, ...). */
function moduleOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** module -> the modules it imports, with one file that does it. */
function importGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sources(SRC)) {
    const from = moduleOf(file);
    if (!from) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = moduleOf(normalize(join(dirname(file), spec)));
      if (!to || to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      graph.get(from)!.set(to, relative(SRC, file));
    }
  }
  return graph;
}

/** Every cycle, as the modules along it (each reported once, from its smallest name). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const found: string[][] = [];
  const walk = (start: string, node: string, path: string[]): void => {
    for (const next of graph.get(node)?.keys() ?? []) {
      if (next === start) found.push([...path, start]);
      else if (next > start && !path.includes(next)) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return found;
}

describe('module boundaries', () => {
  it('has no two modules that import each other, directly or around a cycle', () => {
    const graph = importGraph();
    const described = cycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((to, i) => `${cycle[i]} -> ${to} (${graph.get(cycle[i])!.get(to)})`)
        .join(', '),
    );
    expect(described).toEqual([]);
    // the check sees the edges it should: a feature module uses the log through its facade
    expect(graph.get('feedback')?.has('prediction-log')).toBe(true);
  });

  it('leaves prediction_log SQL to the prediction-log module', () => {
    const offenders = sources(SRC)
      .filter((file) => moduleOf(file) !== 'prediction-log')
      .filter((file) => /\b(FROM|JOIN|INTO|UPDATE)\s+prediction_log\b/i.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
