/** Shared by the drift e2e specs: seeded traffic, scipy's figures for it, and small readers. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { uuidv7 } from 'uuidv7';
import { parseCsv } from '../../src/monitoring/drift/reference/reference-csv';
import { FeatureDrift } from '../../src/monitoring/drift/report/drift-report.types';
import { REPO_ROOT } from '../utils/test-app';
import { rng } from '../utils/rng';

export const LOAN_NUMERIC = ['age', 'income', 'loan_amount', 'credit_score', 'debt_ratio'];
export const LOAN_CATEGORICAL = ['employment', 'home_ownership'];
/** What the loan traffic below shifts; everything else is resampled from the reference. */
export const LOAN_SHIFTED = ['credit_score', 'employment', 'income'];

export function loanReference(version = '2'): { header: string[]; columns: string[][]; rows: number } {
  return parseCsv(readFileSync(join(REPO_ROOT, 'models', 'loan-risk', version, 'reference.csv'), 'utf8'));
}

/**
 * Rows resampled from loan-risk's reference.csv with income ×1.6, credit_score −80 and most
 * applicants unemployed; a few rows lack debt_ratio, a few have a credit_score above the manifest's
 * max, and a few a home_ownership the model never saw (the manifest ignores unseen values there).
 * With `shifted` false, plain resampled rows.
 */
export function loanTraffic(
  n: number,
  seed: number,
  shifted = true,
): Record<string, number | string | null>[] {
  const ref = loanReference();
  const col = (name: string) => ref.columns[ref.header.indexOf(name)];
  const r = rng(seed);
  const out: Record<string, number | string | null>[] = [];
  for (let i = 0; i < n; i++) {
    const j = Math.floor(r() * ref.rows);
    const row: Record<string, number | string | null> = {};
    for (const f of LOAN_NUMERIC) row[f] = Number(col(f)[j]);
    for (const f of LOAN_CATEGORICAL) row[f] = col(f)[j];
    out.push(row);
    if (!shifted) continue;
    row.income = Math.round((row.income as number) * 1.6);
    row.credit_score = (row.credit_score as number) - 80;
    if (r() < 0.6) row.employment = 'unemployed';
    if (r() < 0.05) row.debt_ratio = null;
    if (i % 200 === 7) row.home_ownership = 'council';
    // above the manifest's max: clipped for the model, logged as sent
    if (i % 150 === 11) row.credit_score = 900;
  }
  return out;
}

/** Predicted labels drawn from the reference's __prediction__ column. */
export function loanLabels(n: number, seed: number): string[] {
  const ref = loanReference();
  const labels = ref.columns[ref.header.indexOf('__prediction__')];
  const r = rng(seed);
  return Array.from({ length: n }, () => labels[Math.floor(r() * labels.length)]);
}

/** Inserts successful v1 log rows directly (for volume and for controlled timestamps). */
export async function insertLogRows(
  url: string,
  model: string,
  version: string,
  rows: Record<string, unknown>[],
  labels: (string | null)[],
  createdAt: (i: number) => Date,
): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `INSERT INTO prediction_log (id, created_at, model_name, model_version, status, inputs, outputs,
         predicted_label, latency_ms)
       SELECT id, at, $3, $4, 'success', inputs, jsonb_build_object('prediction', label), label, 1
       FROM unnest($1::uuid[], $2::timestamptz[], $5::jsonb[], $6::text[]) AS t(id, at, inputs, label)`,
      [
        rows.map(() => uuidv7()),
        rows.map((_, i) => createdAt(i).toISOString()),
        model,
        version,
        rows.map((row) => JSON.stringify(row)),
        labels,
      ],
    );
  } finally {
    await c.end();
  }
}

export interface ScipyFeature {
  name: string;
  kind: 'numeric' | 'categorical';
  reference: unknown[];
  current: unknown[];
}

export interface ScipyNumeric {
  ks: { statistic: number; pValue: number; method: string };
  wasserstein: { distance: number; normed: number; referenceStd: number };
  binned: { '10': { psi: number; jsBase2: number } };
}

export interface ScipyCategorical {
  unseen: string[];
  unseenCount: number;
  chisquare: { statistic: number | string; pValue: number; df: number };
  psi: number;
  jsBase2: number;
}

/** scipy (Debian's /usr/bin/python3) on exactly these values: scripts/drift_e2e_fixtures.py. */
export function scipyFigures(features: ScipyFeature[]): Record<string, ScipyNumeric | ScipyCategorical> {
  return runScipy({ features }) as Record<string, ScipyNumeric | ScipyCategorical>;
}

/** Benjamini-Hochberg adjusted p-values, as scipy.stats.false_discovery_control gives them. */
export function scipyBenjaminiHochberg(pValues: number[]): number[] {
  return (runScipy({ features: [], bh: pValues }) as { __bh__: number[] }).__bh__;
}

function runScipy(input: object): unknown {
  const out = execFileSync('/usr/bin/python3', [join(REPO_ROOT, 'scripts', 'drift_e2e_fixtures.py')], {
    input: JSON.stringify(input),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8'));
}

/**
 * Relative error within 1e-6, all the way down: a p-value of 1e-40 must be right to six digits
 * too. Only below the smallest normal double (where scipy's own figures lose precision) does the
 * bound stop shrinking.
 */
export function near(label: string, actual: number | null | undefined, expected: number): string[] {
  if (actual === null || actual === undefined) return [`${label}: missing, scipy ${expected}`];
  const ok = Math.abs(actual - expected) <= 1e-6 * Math.max(Math.abs(expected), 2.2250738585072014e-308);
  return ok ? [] : [`${label}: ${actual}, scipy ${expected}`];
}

/** Every statistic of a reported feature against scipy's; returns the mismatches (none expected). */
export function compareWithScipy(f: FeatureDrift, expected: ScipyNumeric | ScipyCategorical): string[] {
  const s = f.statistics;
  if (f.kind === 'numeric') {
    const e = expected as ScipyNumeric;
    return [
      ...near(`${f.name} ks.statistic`, s.ks?.statistic, e.ks.statistic),
      ...near(`${f.name} ks.p_value`, s.ks?.p_value, e.ks.pValue),
      ...(s.ks?.method === e.ks.method ? [] : [`${f.name} ks.method ${s.ks?.method}, scipy ${e.ks.method}`]),
      ...near(`${f.name} wasserstein`, s.wasserstein?.distance, e.wasserstein.distance),
      ...near(`${f.name} wasserstein normed`, s.wasserstein?.normed, e.wasserstein.normed),
      ...near(`${f.name} psi`, s.psi, e.binned['10'].psi),
      ...near(`${f.name} jensen_shannon`, s.jensen_shannon, e.binned['10'].jsBase2),
    ];
  }
  const e = expected as ScipyCategorical;
  const chi = e.chisquare.statistic === 'Infinity' ? null : (e.chisquare.statistic as number);
  return [
    ...(chi === null
      ? s.chi_square?.statistic === null
        ? []
        : [`${f.name} chi-square statistic should be infinite`]
      : near(`${f.name} chi_square`, s.chi_square?.statistic, chi)),
    ...near(`${f.name} chi_square p`, s.chi_square?.p_value, e.chisquare.pValue),
    ...near(`${f.name} psi`, s.psi, e.psi),
    ...near(`${f.name} jensen_shannon`, s.jensen_shannon, e.jsBase2),
    ...(JSON.stringify((f.unseen_categories ?? []).map((u) => u.category).sort()) === JSON.stringify(e.unseen)
      ? []
      : [`${f.name} unseen ${JSON.stringify(f.unseen_categories)}, scipy ${JSON.stringify(e.unseen)}`]),
  ];
}

/** The value of one series in Prometheus text, by metric name and a subset of its labels. */
export function metricValue(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}
