import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';

export const ROOT = join(__dirname, '..', '..');

export function readYaml<T>(rel: string): T {
  return yaml.load(readFileSync(join(ROOT, rel), 'utf8')) as T;
}

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
export interface RuleFile {
  groups: { name: string; interval?: string; rules: Rule[] }[];
}

export const RULE_FILE = 'prometheus/rules/sightline.yml';
export const rules = (): Rule[] => readYaml<RuleFile>(RULE_FILE).groups.flatMap((g) => g.rules);

export interface Target {
  refId: string;
  expr: string;
  exemplar?: boolean;
  instant?: boolean;
}
export interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { type: string; uid: string };
  fieldConfig?: { defaults: { unit?: string } };
  targets?: Target[];
  panels?: Panel[];
}
export interface Variable {
  name: string;
  type: string;
  query: string | { query: string };
}
export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

export function dashboards(): Dashboard[] {
  return readdirSync(join(ROOT, 'dashboards'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(ROOT, 'dashboards', f), 'utf8')) as Dashboard);
}

/** Every panel of a dashboard, rows' nested panels included, rows themselves excluded. */
export function panelsOf(d: Dashboard): Panel[] {
  return d.panels.flatMap((p) => (p.type === 'row' ? (p.panels ?? []) : [p]));
}

/** Every PromQL expression a dashboard runs: panel targets and query variables. */
export function expressionsOf(d: Dashboard): { where: string; expr: string }[] {
  const targets = panelsOf(d).flatMap((p) =>
    (p.targets ?? []).map((t) => ({ where: `${d.uid} / ${p.title} / ${t.refId}`, expr: t.expr })),
  );
  const variables = d.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => ({
      where: `${d.uid} / $${v.name}`,
      expr: typeof v.query === 'string' ? v.query : v.query.query,
    }));
  return [...targets, ...variables];
}

const GRAFANA_VARIABLE = /\$\{?(__rate_interval|__interval|__range|model|version|feature|window)\}?/g;

/** A dashboard expression as Grafana sends it with every variable at "All". */
export function concrete(expr: string, intervals = { rate: '30s', interval: '15s', range: '5m' }): string {
  const values: Record<string, string> = {
    __rate_interval: intervals.rate,
    __interval: intervals.interval,
    __range: intervals.range,
  };
  return expr.replace(GRAFANA_VARIABLE, (_m, name: string) => values[name] ?? '.*');
}

/** `label_values(selector, label)` as Grafana's variable query syntax has it. */
export function parseLabelValues(expr: string): { selector: string; label: string } | undefined {
  const m = /^label_values\((.+),\s*([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(expr.trim());
  return m ? { selector: m[1], label: m[2] } : undefined;
}

/** Metric names in an expression: identifiers starting `sightline_` (recording rules use colons). */
export function metricNames(expr: string): string[] {
  const names = expr.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((n) => n.startsWith('sightline_') && !n.includes(':')))];
}

/** The metric names docs/metrics.md lists, and the prefixes it allows for prom-client's defaults. */
export function catalogue(): { names: Set<string>; runtimePrefixes: string[] } {
  const text = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');
  const names = new Set([...text.matchAll(/^\| `(sightline_[a-z0-9_]+)` \|/gm)].map((m) => m[1]));
  return { names, runtimePrefixes: ['sightline_process_', 'sightline_nodejs_'] };
}

/** A name as exported: histograms add `_bucket`, `_sum` and `_count` to the catalogued family. */
export function catalogued(name: string, c = catalogue()): boolean {
  if (c.names.has(name)) return true;
  if (c.runtimePrefixes.some((p) => name.startsWith(p))) return true;
  const family = name.replace(/_(bucket|sum|count)$/, '');
  return family !== name && c.names.has(family);
}
