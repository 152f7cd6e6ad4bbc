import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriftReport } from '../../src/monitoring/drift/report/drift-report.types';
import { DEMO_MODELS, startTestApp, TestApp } from '../utils/test-app';
import {
  compareWithScipy,
  insertLogRows,
  LOAN_CATEGORICAL,
  LOAN_NUMERIC,
  loanLabels,
  loanTraffic,
  near,
  scipyBenjaminiHochberg,
  ScipyCategorical,
  scipyFigures,
  ScipyNumeric,
} from './drift-support';

const ROWS = 600;
const HOUR = 3600_000;

/** loan-risk with drift overrides in its version 2 manifest. */
function modelsWithOverrides(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-drift-models-'));
  cpSync(join(DEMO_MODELS, 'loan-risk'), join(dir, 'loan-risk'), { recursive: true });
  const path = join(dir, 'loan-risk', '2', 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.drift = {
    features: {
      age: { test: 'ks', threshold: 0.01 },
      income: { test: 'psi' },
      employment: { test: 'jensenshannon', threshold: 0.9 },
      __prediction__: { test: 'jensenshannon', threshold: 0.2 },
    },
  };
  writeFileSync(path, JSON.stringify(manifest));
  return dir;
}

describe('drift reference from a window, manifest overrides, BH correction (e2e)', () => {
  let t: TestApp;
  let models: string;
  const t0 = new Date(Date.now() - 3 * HOUR);
  const baseline = loanTraffic(ROWS, 5, false);
  const baselineLabels = loanLabels(ROWS, 6);
  const shifted = loanTraffic(ROWS, 8);
  const shiftedLabels = loanLabels(ROWS, 9);
  let report: DriftReport;

  beforeAll(async () => {
    models = modelsWithOverrides();
    t = await startTestApp({ MODELS_DIR: models, DRIFT_SCHEDULE_ENABLED: 'false', DRIFT_CORRECTION: 'bh' });
    await insertLogRows(
      t.databaseUrl,
      'loan-risk',
      '2',
      baseline,
      baselineLabels,
      (i) => new Date(t0.getTime() + i * 1000),
    );
    const now = Date.now();
    await insertLogRows(
      t.databaseUrl,
      'loan-risk',
      '2',
      shifted,
      shiftedLabels,
      (i) => new Date(now - 1000 - i * 10),
    );
  });
  afterAll(async () => {
    await t.close();
    rmSync(models, { recursive: true, force: true });
  });

  it('makes a window of logged predictions the reference and judges with the manifest overrides', async () => {
    const to = new Date(t0.getTime() + HOUR).toISOString();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/v1/models/loan-risk/drift/reference?version=2&from=${t0.toISOString()}&to=${to}`,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      source: 'window',
      rows: ROWS,
      source_rows: ROWS,
      window: { from: t0.toISOString(), to },
    });

    const run = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?version=2&window=1h',
    });
    expect(run.statusCode).toBe(201);
    report = run.json();
    expect(report.reference).toMatchObject({ source: 'window', rows: ROWS });
    const tests = Object.fromEntries(
      report.features.map((f) => [f.name, [f.test, f.threshold, f.test_source]]),
    );
    // a 600-row reference: KS and chi-square by default (Evidently's small-reference rule)
    expect(tests).toEqual({
      age: ['ks', 0.01, 'manifest'],
      income: ['psi', 0.1, 'manifest'],
      loan_amount: ['ks', 0.05, 'default'],
      credit_score: ['ks', 0.05, 'default'],
      debt_ratio: ['ks', 0.05, 'default'],
      employment: ['jensenshannon', 0.9, 'manifest'],
      home_ownership: ['chisquare', 0.05, 'default'],
    });
    expect([report.prediction!.test, report.prediction!.threshold]).toEqual(['jensenshannon', 0.2]);

    const features = [
      ...LOAN_NUMERIC.map((name) => ({ name, kind: 'numeric' as const })),
      ...LOAN_CATEGORICAL.map((name) => ({ name, kind: 'categorical' as const })),
    ].map((f) => ({
      ...f,
      reference: baseline.map((r) => r[f.name]),
      current: shifted.map((r) => r[f.name]),
    }));
    features.push({
      name: '__prediction__',
      kind: 'categorical',
      reference: baselineLabels,
      current: shiftedLabels,
    });
    const expected = scipyFigures(features);
    expect(
      [...report.features, report.prediction!].flatMap((f) => compareWithScipy(f, expected[f.name])),
    ).toEqual([]);

    // the verdicts scipy's figures give under Benjamini-Hochberg
    const pTests = report.features.filter((f) => f.score_kind === 'p-value');
    const ps = pTests.map((f) =>
      f.kind === 'numeric'
        ? (expected[f.name] as ScipyNumeric).ks.pValue
        : (expected[f.name] as ScipyCategorical).chisquare.pValue,
    );
    const adjusted = scipyBenjaminiHochberg(ps);
    const drifting = new Set<string>();
    expect(pTests.flatMap((f, i) => near(`${f.name} adjusted`, f.adjusted_score, adjusted[i]))).toEqual([]);
    pTests.forEach((f, i) => {
      if (adjusted[i] < f.threshold!) drifting.add(f.name);
    });
    if ((expected.income as ScipyNumeric).binned['10'].psi >= 0.1) drifting.add('income');
    if ((expected.employment as ScipyCategorical).jsBase2 >= 0.9) drifting.add('employment');
    expect([...report.dataset.drifted_features].sort()).toEqual([...drifting].sort());
    expect(report.dataset.drifted_features).toEqual(
      expect.arrayContaining(['income', 'credit_score', 'home_ownership']),
    );
    expect(report.dataset.drifted_features).not.toContain('employment');
    expect(report.dataset.correction).toBe('bh');
  });

  it('goes back to reference.csv on DELETE', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/v1/models/loan-risk/drift/reference?version=2',
    });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toMatchObject({ source: 'file', rows: 2000, source_rows: 2000 });
    const get = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/drift/reference?version=2' });
    expect(get.json()).toMatchObject({ source: 'file', rows: 2000 });
    expect(get.json().features.map((f: { name: string }) => f.name)).toEqual([
      ...LOAN_NUMERIC,
      ...LOAN_CATEGORICAL,
    ]);
  });
});

describe('drift reference from a large window (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DRIFT_SCHEDULE_ENABLED: 'false', DRIFT_MAX_SAMPLE: '100' });
    const now = Date.now();
    await insertLogRows(
      t.databaseUrl,
      'loan-risk',
      '2',
      loanTraffic(300, 1, false),
      loanLabels(300, 2),
      (i) => new Date(now - 1000 - i),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps a uniform sample of DRIFT_MAX_SAMPLE rows', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/v1/models/loan-risk/drift/reference?version=2&window=1h',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ source: 'window', rows: 100, source_rows: 300 });
    const age = put.json().features.find((f: { name: string }) => f.name === 'age');
    expect(age.count + age.missing).toBe(100);
    const run = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?version=2&window=1h',
    });
    expect(run.json()).toMatchObject({ status: 'completed', sample_sizes: { reference: 100, current: 300 } });
  });
});
