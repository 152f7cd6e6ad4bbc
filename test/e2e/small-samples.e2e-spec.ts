import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriftReport } from '../../src/monitoring/drift/report/drift-report.types';
import { LOAN_ROW } from '../utils/demo-rows';
import { DEMO_MODELS, startTestApp, TestApp } from '../utils/test-app';
import { metricValue } from './drift-support';

/*
 * A new user's first drift run: one prediction in the window. A verdict drawn from one row is
 * noise, so every feature is insufficient_data, the dataset verdict says so, and no drift gauge
 * exists for an alert to fire on. A manifest can lower the minimum for one feature (`age` here),
 * which is then judged while the others are not. Performance from one label is flagged the same way.
 */
describe('honest small samples (e2e)', () => {
  let t: TestApp;
  let models: string;
  let report: DriftReport;

  beforeAll(async () => {
    models = mkdtempSync(join(tmpdir(), 'sightline-small-'));
    cpSync(join(DEMO_MODELS, 'loan-risk', '2'), join(models, 'loan-risk', '2'), { recursive: true });
    const manifestPath = join(models, 'loan-risk', '2', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.drift = { features: { age: { minSample: 1 } } };
    writeFileSync(manifestPath, JSON.stringify(manifest));
    t = await startTestApp({
      MODELS_DIR: models,
      DRIFT_SCHEDULE_ENABLED: 'false',
      PERFORMANCE_INTERVAL_SECONDS: '0',
    });
    const predicted = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/predict',
      payload: { features: LOAN_ROW },
    });
    expect(predicted.statusCode).toBe(200);
    const feedback = await t.app.inject({
      method: 'POST',
      url: `/v1/predictions/${predicted.json().prediction_id}/feedback`,
      payload: { actual: 'default' },
    });
    expect(feedback.statusCode).toBe(201);
    await t.flushLogs();
    const run = await t.app.inject({ method: 'POST', url: '/v1/models/loan-risk/drift/runs?window=1h' });
    expect(run.statusCode).toBe(201);
    report = run.json();
  });
  afterAll(async () => {
    await t.close();
    rmSync(models, { recursive: true, force: true });
  });

  it('gives insufficient_data, not drift, for every feature a one-row window cannot judge', () => {
    expect(report.sample_sizes.current).toBe(1);
    const others = [...report.features.filter((f) => f.name !== 'age'), report.prediction!];
    expect(others.length).toBe(7);
    for (const f of others) {
      expect([f.name, f.verdict, f.drift_detected, f.min_sample, f.current_size]).toEqual([
        f.name,
        'insufficient_data',
        null,
        500,
        1,
      ]);
    }
    // the share is over the one feature that could be judged (age, whose manifest allows one row)
    const age = report.features.find((f) => f.name === 'age')!;
    expect(report.dataset).toMatchObject({
      drift_detected: age.drift_detected,
      tested_features: 1,
      monitored_features: 7,
      insufficient_data_features: others.filter((f) => f.name !== '__prediction__').map((f) => f.name),
    });
  });

  it('judges the feature whose manifest lowers its minimum sample', () => {
    const age = report.features.find((f) => f.name === 'age')!;
    expect(age.min_sample).toBe(1);
    expect(['drift', 'no_drift']).toContain(age.verdict);
    expect(age.drift_detected).toBe(age.verdict === 'drift');
  });

  it('exposes the shortfall without any series the drift alerts read', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const series = { model: 'loan-risk', version: '2' };
    expect(metricValue(text, 'sightline_drift_insufficient_data', { ...series, feature: 'income' })).toBe(1);
    expect(metricValue(text, 'sightline_drift_insufficient_data', { ...series, feature: 'age' })).toBe(0);
    expect(metricValue(text, 'sightline_drift_detected', { ...series, feature: 'income' })).toBeUndefined();
    expect(metricValue(text, 'sightline_drift_score', { ...series, feature: 'income' })).toBeUndefined();
    expect(metricValue(text, 'sightline_drift_window_rows', series)).toBe(1);
    expect(metricValue(text, 'sightline_drift_tested_features', series)).toBe(1);
  });

  it('says so on the report page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/drift/report' });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/insufficient data<\/span>/g)).toHaveLength(7);
    expect(page.body).toContain('1 of 7 tested, 6 with too few values');
  });

  it('says insufficient_data for the dataset when no feature can be judged', async () => {
    const run = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z',
    });
    expect(run.statusCode).toBe(201);
    expect(run.json().sample_sizes.current).toBe(0);
    expect(run.json().dataset).toMatchObject({
      verdict: 'insufficient_data',
      drift_detected: false,
      tested_features: 0,
    });
    const page = await t.app.inject({
      method: 'GET',
      url: `/v1/models/loan-risk/drift/report?run=${run.json().id}`,
    });
    expect(page.body).toContain('<b class="dataset-verdict">insufficient data</b>');
  });

  it('flags performance from one label as insufficient_data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/performance?window=1h' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'insufficient_data', min_sample: 100, labelled: 1 });
  });
});
