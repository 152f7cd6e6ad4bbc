import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { LOAN_ROW as row } from '../utils/demo-rows';

describe('prediction API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // no DEFAULT_MODEL: models/loan-risk/model.json marks it serveAsDefault
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as object,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('predicts on POST /predict and logs a sanitized row readable at /v1/predictions/{id}', async () => {
    const res = await post(
      '/predict',
      { features: row, metadata: { customer_email: 'jane.doe@example.com', note: 'call 555-123-4567' } },
      { 'x-request-id': 'req-123' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-123');
    const body = res.json();
    expect(body.prediction_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(body.model).toEqual({ name: 'loan-risk', version: '2' });
    expect(['repaid', 'default']).toContain(body.prediction);
    const p = body.probabilities as Record<string, number>;
    expect(p.repaid + p.default).toBeCloseTo(1, 5);
    expect(body.prediction).toBe(p.repaid >= p.default ? 'repaid' : 'default');

    await t.flushLogs();
    const rows = await queryDb(t.databaseUrl, 'SELECT * FROM prediction_log WHERE id = $1', [
      body.prediction_id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      model_name: 'loan-risk',
      model_version: '2',
      status: 'success',
      request_id: 'req-123',
    });
    expect(rows[0].inputs).toEqual(row);
    expect(rows[0].metadata).toEqual({ customer_email: '[masked]', note: 'call [phone]' });

    const read = await t.app.inject({ method: 'GET', url: `/v1/predictions/${body.prediction_id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      prediction_id: body.prediction_id,
      model: { name: 'loan-risk', version: '2' },
      inputs: row,
      prediction: body.prediction,
      probabilities: body.probabilities,
      request_id: 'req-123',
      status: 'success',
    });
  });

  it('accepts the ordered-array form and returns the same prediction as the named form', async () => {
    const card = (await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk' })).json();
    const ordered = card.features.map((f: { name: string }) => row[f.name as keyof typeof row]);
    const a = (await post('/v1/models/loan-risk/predict', { features: ordered })).json();
    const b = (await post('/v1/models/loan-risk/predict', { features: row })).json();
    expect(a.probabilities).toEqual(b.probabilities);
  });

  it('serves a batch with one id per row, and a specific version with ?version=', async () => {
    const res = await post('/v1/models/loan-risk/predict?version=1', {
      instances: [row, { ...row, credit_score: 400 }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.model).toEqual({ name: 'loan-risk', version: '1' });
    expect(body.predictions).toHaveLength(2);
    expect(new Set(body.predictions.map((p: { prediction_id: string }) => p.prediction_id)).size).toBe(2);
  });

  it('serves the regression model without probabilities', async () => {
    const card = (await t.app.inject({ method: 'GET', url: '/v1/models/house-price' })).json();
    const hood = card.features.find((f: { name: string }) => f.name === 'neighborhood').categories[0];
    const res = await post('/v1/models/house-price/predict', {
      features: { sqft: 1800, bedrooms: 3, bathrooms: 2, age_years: 20, distance_km: 12, neighborhood: hood },
    });
    expect(res.statusCode).toBe(200);
    expect(typeof res.json().prediction).toBe('number');
    expect(Number.isFinite(res.json().prediction)).toBe(true);
    expect(res.json().probabilities).toBeUndefined();
  });

  it('lists models with their cards', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/models' });
    expect(res.statusCode).toBe(200);
    const names = res.json().models.map((m: { name: string }) => m.name);
    expect(names).toEqual(expect.arrayContaining(['loan-risk', 'house-price']));
    const loan = res.json().models.find((m: { name: string }) => m.name === 'loan-risk');
    expect(loan).toMatchObject({
      default_version: '2',
      status: 'ready',
      task: 'classification',
      labels: ['repaid', 'default'],
    });
    expect(loan.versions.map((v: { version: string }) => v.version)).toEqual(['1', '2']);
  });

  it('serves OpenAPI JSON and a docs page', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toEqual(
      expect.arrayContaining(['/predict', '/v1/models/{name}/predict', '/v1/predictions/{id}']),
    );
    // handlers that read params off the request still document them
    const { paths } = json.json() as {
      paths: Record<string, { post?: { summary: string; parameters: { name: string; in: string }[] } }>;
    };
    const params = (path: string) => paths[path].post!.parameters.map((p) => `${p.in}:${p.name}`).sort();
    expect(params('/v1/models/{name}/predict')).toEqual(['path:name', 'query:version']);
    // the binary extension's header is documented too
    const v2Header = 'header:Inference-Header-Content-Length';
    expect(params('/v2/models/{name}/infer')).toEqual([v2Header, 'path:name']);
    expect(params('/v2/models/{name}/versions/{version}/infer')).toEqual([
      v2Header,
      'path:name',
      'path:version',
    ]);
    expect(paths['/v2/models/{name}/versions/{version}/infer'].post!.summary).toMatch(/^Inference: JSON/);
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
  });
});
