import { SchedulerRegistry } from '@nestjs/schedule';
import { PerformanceJob } from '../../src/monitoring/performance/performance.job';
import { queryDb } from '../utils/test-database';
import { LOAN_ROW } from '../utils/demo-rows';
import { DEMO_VERSIONS, startTestApp, TestApp } from '../utils/test-app';

const houseRow = { sqft: 1800, bedrooms: 3, bathrooms: 2, age_years: 12, neighborhood: 'fernwick' };

// a spread of applicants, so the model predicts both classes
const applicants = Array.from({ length: 20 }, (_, i) => ({
  ...LOAN_ROW,
  income: 15000 + i * 9000,
  credit_score: 420 + i * 20,
  loan_amount: 40000 - i * 1500,
  debt_ratio: 0.9 - i * 0.04,
}));

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (enough of the format for these assertions). */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)/.exec(line)!;
      const labels: Record<string, string> = {};
      for (const [, k, v] of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k] = v;
      return { name: m[1], labels, value: Number(m[3]) };
    });
}

function sample(samples: Sample[], name: string, labels: Record<string, string>): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

describe('model performance API (e2e)', () => {
  let t: TestApp;
  const send = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  // what the test posted, to compute the expected figures from
  const loan: { predicted: string; actual?: string }[] = [];
  const house: { predicted: number; actual: number }[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      PERFORMANCE_INTERVAL_SECONDS: '0',
      PERFORMANCE_WINDOWS: '1h,24h',
      // 15 labels in the 1h window of loan-risk v2: enough for figures that are exported
      PERFORMANCE_MIN_SAMPLE: '10',
    });

    const res = await send('POST', '/v1/models/loan-risk/predict', { instances: applicants });
    const predictions: { prediction_id: string; prediction: string }[] = res.json().predictions;
    // the first 5 labelled one by one, the next 10 in bulk, the last 5 never
    const actualFor = (i: number, predicted: string) =>
      i % 4 === 0 ? (predicted === 'repaid' ? 'default' : 'repaid') : predicted;
    for (const [i, p] of predictions.entries()) {
      loan.push({ predicted: p.prediction, actual: i < 15 ? actualFor(i, p.prediction) : undefined });
    }
    for (let i = 0; i < 5; i++) {
      const r = await send('POST', `/v1/predictions/${predictions[i].prediction_id}/feedback`, {
        actual: loan[i].actual,
      });
      expect(r.statusCode).toBe(201);
    }
    const bulk = await send('POST', '/v1/feedback', {
      items: predictions
        .slice(5, 15)
        .map((p, k) => ({ prediction_id: p.prediction_id, actual: loan[5 + k].actual })),
    });
    expect(bulk.json().counts.created).toBe(10);

    const houses = [1200, 1800, 2400, 3000].map((sqft) => ({ ...houseRow, sqft }));
    const hres = await send('POST', '/v1/models/house-price/predict', { instances: houses });
    const hp: { prediction_id: string; prediction: number }[] = hres.json().predictions;
    const actuals = [250000, 0, 410000.5, 380000];
    const items = hp.map((p, i) => ({ prediction_id: p.prediction_id, actual: actuals[i] }));
    hp.forEach((p, i) => house.push({ predicted: p.prediction, actual: actuals[i] }));
    expect((await send('POST', '/v1/feedback', { items })).json().counts.created).toBe(4);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports accuracy, F1, log loss, ROC AUC and the confusion matrix for the window', async () => {
    const res = await send('GET', '/v1/models/loan-risk/performance?window=1h');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const labelled = loan.filter((l) => l.actual !== undefined);
    const correct = labelled.filter((l) => l.actual === l.predicted).length;
    expect(body).toMatchObject({
      model: { name: 'loan-risk', version: '2' },
      task: 'classification',
      window: '1h',
      status: 'ok',
      min_sample: 10,
      predictions: 20,
      labelled: 15,
      label_coverage: 0.75,
    });
    expect(body.median_label_delay_seconds).toBeGreaterThanOrEqual(0);
    expect(body.metrics.accuracy).toBeCloseTo(correct / 15, 12);
    const matrix: number[][] = body.metrics.confusion_matrix.matrix;
    expect(body.metrics.confusion_matrix.labels).toEqual(['repaid', 'default']);
    const count = (a: string, p: string) =>
      labelled.filter((l) => l.actual === a && l.predicted === p).length;
    expect(matrix).toEqual([
      [count('repaid', 'repaid'), count('repaid', 'default')],
      [count('default', 'repaid'), count('default', 'default')],
    ]);
    for (const name of ['precision_macro', 'recall_macro', 'f1_macro', 'log_loss', 'roc_auc']) {
      expect([name, typeof body.metrics[name]]).toEqual([name, 'number']);
    }
    expect(body.metrics.roc_auc_positive_label).toBe('default');
  });

  it('reports MAE, RMSE, MAPE (skipping the zero actual) and R² for a regression model', async () => {
    const body = (await send('GET', '/v1/models/house-price/performance?window=24h')).json();
    const errors = house.map((h) => h.actual - h.predicted);
    const nonzero = house.filter((h) => h.actual !== 0);
    // four labels: the figures are computed and shown, flagged as too few to trust (and not exported)
    expect(body).toMatchObject({
      task: 'regression',
      status: 'insufficient_data',
      min_sample: 10,
      predictions: 4,
      labelled: 4,
      label_coverage: 1,
    });
    expect(body.metrics.mae).toBeCloseTo(errors.reduce((s, e) => s + Math.abs(e), 0) / 4, 6);
    expect(body.metrics.rmse).toBeCloseTo(Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / 4), 6);
    expect(body.metrics.mape).toBeCloseTo(
      nonzero.reduce((s, h) => s + Math.abs(h.actual - h.predicted) / h.actual, 0) / nonzero.length,
      9,
    );
    expect(body.metrics.mape_skipped_zero_actuals).toBe(1);
    expect(typeof body.metrics.r2).toBe('number');
  });

  it('reports counts and null figures for a version without predictions', async () => {
    const body = (await send('GET', '/v1/models/loan-risk/performance?window=24h&version=1')).json();
    expect(body).toMatchObject({
      model: { name: 'loan-risk', version: '1' },
      predictions: 0,
      labelled: 0,
      label_coverage: null,
      median_label_delay_seconds: null,
      metrics: { accuracy: null, f1_macro: null, log_loss: null, roc_auc: null, per_class: [] },
    });
  });

  it('404 for an unknown model or version, 422 for a bad window or an unknown parameter', async () => {
    expect((await send('GET', '/v1/models/nope/performance')).statusCode).toBe(404);
    expect((await send('GET', '/v1/models/loan-risk/performance?version=9')).statusCode).toBe(404);
    const window = await send('GET', '/v1/models/loan-risk/performance?window=yesterday');
    expect(window.statusCode).toBe(422);
    expect(window.json().errors[0].field).toBe('window');
    expect((await send('GET', '/v1/models/loan-risk/performance?window=500d')).statusCode).toBe(422);
    expect((await send('GET', '/v1/models/loan-risk/performance?windw=1h')).statusCode).toBe(422);
  });

  it('the job computes every version and window, keeps history and exports the gauges', async () => {
    const reports = await t.app.get(PerformanceJob).run();
    // every demo version, windows 1h and 24h
    expect(reports).toHaveLength(DEMO_VERSIONS.length * 2);
    const rows = await queryDb(
      t.databaseUrl,
      'SELECT * FROM model_performance_history ORDER BY model_name, model_version, time_window',
    );
    expect(rows).toHaveLength(DEMO_VERSIONS.length * 2);
    const live = (await send('GET', '/v1/models/loan-risk/performance?window=1h')).json();
    expect(rows.find((r) => r.model_version === '2' && r.time_window === '1h')).toMatchObject({
      task: 'classification',
      prediction_count: 20,
      labelled_count: 15,
      label_coverage: 0.75,
      metrics: expect.objectContaining({ accuracy: live.metrics.accuracy }),
    });

    const history = await send('GET', '/v1/models/loan-risk/performance/history?window=1h&limit=5');
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({ model: { name: 'loan-risk', version: '2' }, window: '1h' });
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0]).toMatchObject({
      status: 'ok',
      min_sample: 10,
      predictions: 20,
      labelled: 15,
      metrics: live.metrics,
    });

    const scrape = await send('GET', '/metrics');
    expect(scrape.statusCode).toBe(200);
    const samples = parseExposition(scrape.body);
    const loan2 = { model: 'loan-risk', version: '2', window: '1h' };
    expect(sample(samples, 'sightline_model_performance', { ...loan2, metric: 'accuracy' })).toBe(
      live.metrics.accuracy,
    );
    expect(sample(samples, 'sightline_model_performance', { ...loan2, metric: 'f1_macro' })).toBe(
      live.metrics.f1_macro,
    );
    expect(sample(samples, 'sightline_model_performance', { ...loan2, metric: 'roc_auc' })).toBe(
      live.metrics.roc_auc,
    );
    // a classifier has no regression figures, and an unlabelled version no figures at all
    expect(sample(samples, 'sightline_model_performance', { ...loan2, metric: 'mae' })).toBeUndefined();
    expect(
      sample(samples, 'sightline_model_performance', { model: 'loan-risk', version: '1' }),
    ).toBeUndefined();
    expect(sample(samples, 'sightline_label_coverage_ratio', loan2)).toBe(0.75);
    expect(sample(samples, 'sightline_performance_insufficient_data', loan2)).toBe(0);
    expect(
      sample(samples, 'sightline_performance_insufficient_data', { model: 'loan-risk', version: '1' }),
    ).toBe(1);
    expect(sample(samples, 'sightline_label_delay_seconds', loan2)).toBe(live.median_label_delay_seconds);
    const houseSeries = { model: 'house-price', version: '1', window: '24h' };
    // four labels, below PERFORMANCE_MIN_SAMPLE: no figure to alert on, the reason instead
    expect(
      sample(samples, 'sightline_model_performance', { ...houseSeries, metric: 'mape' }),
    ).toBeUndefined();
    expect(sample(samples, 'sightline_performance_insufficient_data', houseSeries)).toBe(1);
    expect(sample(samples, 'sightline_label_coverage_ratio', houseSeries)).toBe(1);
    expect(
      sample(samples, 'sightline_job_last_success_timestamp_seconds', { job: 'performance' }),
    ).toBeGreaterThan(0);
    expect(sample(samples, 'sightline_job_runs_total', { job: 'performance', outcome: 'success' })).toBe(1);
  });
});

describe('model performance job on a schedule (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PERFORMANCE_INTERVAL_SECONDS: '1', PERFORMANCE_WINDOWS: '1h' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs at start and on its interval, writing history for every version', async () => {
    expect(t.app.get(SchedulerRegistry).doesExist('interval', 'performance')).toBe(true);
    let rows: { n: number }[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      rows = await queryDb(
        t.databaseUrl,
        'SELECT count(DISTINCT computed_at)::int AS n FROM model_performance_history',
      );
      if (rows[0].n >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
    const versions = await queryDb(
      t.databaseUrl,
      `SELECT DISTINCT model_name || '/' || model_version AS v FROM model_performance_history`,
    );
    expect(versions.map((r) => r.v).sort()).toEqual(DEMO_VERSIONS);
  });
});
