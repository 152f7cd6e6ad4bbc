import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';

const row = {
  age: 42,
  income: 52000,
  loan_amount: 12000,
  credit_score: 690,
  employment: 'employed',
  home_ownership: 'rent',
};

/** The "all off" server of `npm run bench`: predictions are served, nothing is logged or metered. */
describe('PREDICTION_LOG_ENABLED=false and METRICS_ENABLED=false (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PREDICTION_LOG_ENABLED: 'false', METRICS_ENABLED: 'false' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves predictions without a prediction log row or a metric sample', async () => {
    const single = await t.app.inject({ method: 'POST', url: '/predict', payload: { features: row } });
    expect(single.statusCode).toBe(200);
    expect(['repaid', 'default']).toContain(single.json().prediction);
    const batch = await t.app.inject({
      method: 'POST',
      url: '/v1/models/house-price/predict',
      payload: {
        instances: [{ sqft: 1800, bedrooms: 3, bathrooms: 2, age_years: 20, neighborhood: 'fernwick' }],
      },
    });
    expect(batch.statusCode).toBe(200);
    await t.flushLogs();

    const [{ n }] = await queryDb<{ n: number }>(
      t.databaseUrl,
      'SELECT count(*)::int AS n FROM prediction_log',
    );
    expect(n).toBe(0);
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    const samples = metrics.body
      .split('\n')
      .filter((l) => /^sightline_(predictions_total|batch_size_count|http_requests_total)\{/.test(l));
    expect(samples).toEqual([]);
    // every metrics port is switched off, the registry's and the log's included
    const families = metrics.body.split('\n').filter((l) => l.startsWith('# TYPE '));
    expect(families.filter((l) => /sightline_(model_load_failures|prediction_log_)/.test(l))).toEqual([]);
  });
});
