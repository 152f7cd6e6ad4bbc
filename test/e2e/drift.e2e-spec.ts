import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../utils/test-tracer';
import { DriftReport } from '../../src/monitoring/drift/report/drift-report.types';
import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import {
  compareWithScipy,
  LOAN_CATEGORICAL,
  LOAN_NUMERIC,
  LOAN_SHIFTED,
  loanReference,
  loanTraffic,
  metricValue,
  scipyFigures,
  ScipyFeature,
} from './drift-support';

const ROWS = 600;
const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

describe('drift monitoring (e2e)', () => {
  let t: TestApp;
  let report: DriftReport;

  beforeAll(async () => {
    t = await startTestApp({ DRIFT_SCHEDULE_ENABLED: 'false' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/predict?version=2',
      payload: { instances: loanTraffic(ROWS, 20261123) },
    });
    expect(res.statusCode).toBe(200);
    await t.flushLogs();
    const run = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?version=2&window=1h',
    });
    expect(run.statusCode).toBe(201);
    report = run.json();
  });
  afterAll(async () => {
    await t.close();
    await provider.shutdown();
  });

  it('reports exactly the shifted features as drifting, with the default tests Evidently would pick', () => {
    expect(report.status).toBe('completed');
    expect(report.sample_sizes).toEqual({ reference: 2000, current: ROWS });
    expect([...report.dataset.drifted_features].sort()).toEqual(LOAN_SHIFTED);
    expect(report.dataset.tested_features).toBe(7);
    expect(report.dataset.drift_share).toBeCloseTo(3 / 7, 12);
    expect(report.dataset.drift_detected).toBe(false);
    for (const f of report.features) {
      // a 2000-row reference: normed Wasserstein for numeric features, Jensen-Shannon for categorical ones
      expect(f.test).toBe(f.kind === 'numeric' ? 'wasserstein' : 'jensenshannon');
      expect(f.threshold).toBe(0.1);
      expect(f.drift_detected).toBe(LOAN_SHIFTED.includes(f.name));
    }
  });

  it("gives scipy's statistics for every feature and for the model output, on exactly the logged values", async () => {
    const ref = loanReference();
    const col = (name: string) => ref.columns[ref.header.indexOf(name)];
    const logged = await queryDb<{ inputs: Record<string, unknown>; predicted_label: string }>(
      t.databaseUrl,
      `SELECT inputs, predicted_label FROM prediction_log WHERE model_name = 'loan-risk' AND status = 'success'`,
    );
    expect(logged).toHaveLength(ROWS);
    const features: ScipyFeature[] = [
      ...LOAN_NUMERIC.map((name) => ({
        name,
        kind: 'numeric' as const,
        reference: col(name).map((v) => (v === '' ? null : Number(v))),
        current: logged.map((r) => r.inputs[name] ?? null),
      })),
      ...LOAN_CATEGORICAL.map((name) => ({
        name,
        kind: 'categorical' as const,
        reference: col(name),
        current: logged.map((r) => r.inputs[name] ?? null),
      })),
      {
        name: '__prediction__',
        kind: 'categorical',
        reference: col('__prediction__'),
        current: logged.map((r) => r.predicted_label),
      },
    ];
    const expected = scipyFigures(features);
    const mismatches = [...report.features, report.prediction!].flatMap((f) =>
      compareWithScipy(f, expected[f.name]),
    );
    expect(mismatches).toEqual([]);
    // the verdicts follow from scipy's figures too
    for (const f of report.features) {
      const e = expected[f.name];
      const score = 'wasserstein' in e ? e.wasserstein.normed : e.jsBase2;
      expect(f.score).toBeCloseTo(score, 9);
      expect(f.drift_detected).toBe(score >= 0.1);
    }
  });

  it('reports data quality and unseen categories in the same run', () => {
    const byName = Object.fromEntries(report.features.map((f) => [f.name, f]));
    const traffic = loanTraffic(ROWS, 20261123);
    const missing = traffic.filter((r) => r.debt_ratio === null).length;
    expect(byName.debt_ratio.data_quality.missing).toBe(missing);
    expect(byName.debt_ratio.data_quality.missing_share).toBeCloseTo(missing / ROWS, 12);
    const outside = traffic.filter(
      (r) => (r.credit_score as number) < 300 || (r.credit_score as number) > 850,
    ).length;
    expect(outside).toBe(4);
    expect(byName.credit_score.data_quality.out_of_range).toBe(outside);
    expect(byName.home_ownership.unseen_categories).toEqual([{ category: 'council', count: 3 }]);
    expect(byName.home_ownership.data_quality.unseen_category_share).toBeCloseTo(3 / ROWS, 12);
    expect(byName.home_ownership.statistics.chi_square).toMatchObject({ statistic: null, p_value: 0 });
    expect(report.prediction!.label_shares!.map((s) => s.label).sort()).toEqual(['default', 'repaid']);
  });

  it('traces the run in a span of its own', () => {
    const runs = exporter.getFinishedSpans().filter((s) => s.name === 'sightline.drift.run');
    expect(runs.map((s) => s.attributes)).toContainEqual(
      expect.objectContaining({
        'sightline.model.name': 'loan-risk',
        'sightline.model.version': '2',
        'sightline.drift.trigger': 'manual',
        'sightline.drift.current_rows': ROWS,
        'sightline.drift.drifted_features': 3,
      }),
    );
  });

  it('exports the run as gauges on /metrics', async () => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const series = { model: 'loan-risk', version: '2' };
    const income = report.features.find((f) => f.name === 'income')!;
    expect(
      metricValue(text, 'sightline_drift_score', { ...series, feature: 'income', test: 'wasserstein' }),
    ).toBeCloseTo(income.score!, 9);
    expect(metricValue(text, 'sightline_drift_threshold', { ...series, feature: 'income' })).toBe(0.1);
    expect(metricValue(text, 'sightline_drift_detected', { ...series, feature: 'income' })).toBe(1);
    expect(metricValue(text, 'sightline_drift_detected', { ...series, feature: 'age' })).toBe(0);
    expect(
      metricValue(text, 'sightline_drift_detected', { ...series, feature: '__prediction__' }),
    ).toBeDefined();
    expect(metricValue(text, 'sightline_dataset_drift_share', series)).toBeCloseTo(3 / 7, 12);
    expect(metricValue(text, 'sightline_dataset_drift_detected', series)).toBe(0);
    expect(
      metricValue(text, 'sightline_data_quality_share', {
        ...series,
        feature: 'debt_ratio',
        kind: 'missing',
      }),
    ).toBeGreaterThan(0);
    expect(
      metricValue(text, 'sightline_data_quality_share', {
        ...series,
        feature: 'home_ownership',
        kind: 'unseen_category',
      }),
    ).toBeCloseTo(3 / ROWS, 12);
    const shares = ['repaid', 'default'].map((label) =>
      metricValue(text, 'sightline_prediction_share', { ...series, label })!,
    );
    expect(shares[0] + shares[1]).toBeCloseTo(1, 12);
  });

  it('serves the latest report, the history and each run', async () => {
    const latest = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/drift?version=2' });
    expect(latest.statusCode).toBe(200);
    expect(latest.json().id).toBe(report.id);
    const second = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?version=2&window=2h',
    });
    expect(second.statusCode).toBe(201);
    const page1 = (
      await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/drift/runs?limit=1' })
    ).json();
    expect(page1.items.map((i: { id: string }) => i.id)).toEqual([second.json().id]);
    expect(page1.items[0]).toMatchObject({
      version: '2',
      trigger: 'manual',
      status: 'completed',
      current_rows: ROWS,
    });
    const page2 = (
      await t.app.inject({
        method: 'GET',
        url: `/v1/models/loan-risk/drift/runs?limit=1&before=${page1.next_before}`,
      })
    ).json();
    expect(page2.items.map((i: { id: string }) => i.id)).toEqual([report.id]);
    expect([...page2.items[0].drifted_features].sort()).toEqual(LOAN_SHIFTED);
    const one = await t.app.inject({ method: 'GET', url: `/v1/models/loan-risk/drift/runs/${report.id}` });
    expect(one.json().features).toEqual(report.features);
    const html = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/drift/report?version=2' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Drift report: loan-risk version 2');
  });

  it('answers bad input with field-level problems, never a 500', async () => {
    const cases: [string, string, number, string?][] = [
      ['POST', '/v1/models/loan-risk/drift/runs?window=forever', 422, 'window'],
      ['POST', '/v1/models/loan-risk/drift/runs?window=1h&from=2026-11-01T00:00:00Z', 422, 'window'],
      [
        'POST',
        '/v1/models/loan-risk/drift/runs?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
        422,
        'from',
      ],
      ['POST', '/v1/models/loan-risk/drift/runs?from=yesterday', 422, 'from'],
      ['POST', '/v1/models/loan-risk/drift/runs?verbose=1', 422, 'verbose'],
      ['GET', '/v1/models/loan-risk/drift/runs?limit=0', 422, 'limit'],
      ['GET', '/v1/models/loan-risk/drift/runs?before=abc', 422, 'before'],
      ['GET', '/v1/models/nope/drift', 404],
      ['GET', '/v1/models/loan-risk/drift?version=9', 404],
      ['GET', '/v1/models/house-price/drift', 404],
      ['GET', '/v1/models/loan-risk/drift/runs/019ab000-0000-7000-8000-000000000000', 404],
      [
        'PUT',
        '/v1/models/loan-risk/drift/reference?version=2&from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z',
        422,
        'window',
      ],
    ];
    for (const [method, url, status, field] of cases) {
      const res = await t.app.inject({ method: method as 'GET', url });
      expect({ url, status: res.statusCode }).toEqual({ url, status });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field) expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});
