import { HOUSE_ROW } from '../utils/demo-rows';
import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { loanTraffic } from './drift-support';

/*
 * Estimated performance of the demo models as a user gets it: loan-risk's reference.csv has the
 * true label (`__target__`, named by the manifest) but not the model's probabilities, so the
 * reference rows are run through the model itself before CBPE calibrates on them. A regressor
 * says why it has no estimate.
 */
describe('estimated performance of the demo models (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PERFORMANCE_INTERVAL_SECONDS: '0', DRIFT_SCHEDULE_ENABLED: 'false' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/predict?version=2',
      payload: { instances: loanTraffic(400, 7, false) },
    });
    expect(res.statusCode).toBe(200);
    const house = await t.app.inject({
      method: 'POST',
      url: '/v1/models/house-price/predict',
      payload: { features: HOUSE_ROW },
    });
    expect(house.statusCode).toBe(200);
    await t.flushLogs();
  });
  afterAll(async () => {
    await t.close();
  });

  it('calibrates on the reference scored by the model and estimates the window before any label', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/models/loan-risk/performance?window=1h&estimated=true',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ labelled: 0, status: 'insufficient_data' });
    const e = body.estimated;
    expect(e).toMatchObject({ method: 'cbpe', status: 'ok', verdict: 'ok', predictions: 400, scored: 400 });
    expect(e.reference).toMatchObject({ rows: 2000, probabilities: 'model' });
    // traffic resampled from the reference: the estimate sits inside the reference's band
    const accuracy = e.metrics.accuracy;
    expect(accuracy.value).toBeGreaterThan(accuracy.threshold.lower);
    expect(accuracy.value).toBeLessThan(accuracy.threshold.upper);
    expect(accuracy.lower).toBeLessThan(accuracy.value);
    expect(accuracy.upper).toBeGreaterThan(accuracy.value);
    const cells = (e.confusion_matrix.matrix as number[][]).flat();
    expect(cells.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 9);
    expect(e.estimation_error).toBeNull();
    const stored = await queryDb(
      t.databaseUrl,
      'SELECT model_name, model_version, rows, probability_source FROM performance_reference',
    );
    expect(stored).toEqual([
      { model_name: 'loan-risk', model_version: '2', rows: 2000, probability_source: 'model' },
    ]);
  });

  it('says why a regressor has no estimate', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/models/house-price/performance?window=1h&estimated=true',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().estimated).toMatchObject({
      status: 'unavailable',
      reason: 'CBPE estimates classifiers only',
      metrics: null,
    });
  });

  it('leaves the answer as it was without estimated=true', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk/performance?window=1h' });
    expect(res.json().estimated).toBeUndefined();
  });
});
