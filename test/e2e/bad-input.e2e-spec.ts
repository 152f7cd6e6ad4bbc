import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { LOAN_ROW as row } from '../utils/demo-rows';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('bad input (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_MODEL: 'loan-risk', MAX_BATCH_SIZE: '5', BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = async (payload: string | object, headers: Record<string, string> = {}, url = '/predict') => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers: { 'content-type': 'application/json', ...headers },
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return { status: res.statusCode, body: res.json() as Problem };
  };

  const fieldErrors = (p: Problem) => Object.fromEntries((p.errors ?? []).map((e) => [e.field, e.message]));

  it('400 for malformed JSON', async () => {
    const { status, body } = await send('{"features": {"age": 4');
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, title: 'Malformed JSON' });
  });

  it('400 for a JSON NaN literal, which is not JSON', async () => {
    expect((await send('{"features": {"age": NaN}}')).status).toBe(400);
  });

  it('422 naming a missing feature', async () => {
    const { age: _age, ...rest } = row;
    const { status, body } = await send({ features: rest });
    expect(status).toBe(422);
    expect(fieldErrors(body)).toEqual({ 'features.age': 'is required' });
  });

  it('422 naming an unknown feature', async () => {
    const { status, body } = await send({ features: { ...row, shoe_size: 44 } });
    expect(status).toBe(422);
    expect(fieldErrors(body)).toEqual({ 'features.shoe_size': 'is not a feature of this model' });
  });

  it('422 for a string where a number is expected, and for a number where a category is expected', async () => {
    const { status, body } = await send({ features: { ...row, age: '42', employment: 3 } });
    expect(status).toBe(422);
    expect(fieldErrors(body)).toEqual({
      'features.age': 'must be a number, got string',
      'features.employment': 'must be a string category, got number',
    });
  });

  it('422 for Infinity (1e999 parses to Infinity)', async () => {
    const { status, body } = await send(
      `{"features": ${JSON.stringify(row).replace('"age":42', '"age":1e999')}}`,
    );
    expect(status).toBe(422);
    expect(fieldErrors(body)).toEqual({ 'features.age': 'must be a finite number' });
  });

  it('422 for an out-of-range value and an unseen category when the manifest says reject', async () => {
    const card = (await t.app.inject({ method: 'GET', url: '/v1/models/loan-risk' })).json();
    type F = { name: string; type: string; min?: number; out_of_range?: string; unseen?: string };
    const numeric = (card.features as F[]).find(
      (f) => f.type === 'numeric' && f.out_of_range === 'reject' && f.min !== undefined,
    )!;
    const categorical = (card.features as F[]).find(
      (f) => f.type === 'categorical' && f.unseen === 'reject',
    )!;
    const { status, body } = await send({
      features: { ...row, [numeric.name]: numeric.min! - 1, [categorical.name]: 'martian' },
    });
    expect(status).toBe(422);
    const errors = fieldErrors(body);
    expect(errors[`features.${numeric.name}`]).toMatch(/^must be between/);
    expect(errors[`features.${categorical.name}`]).toMatch(/^must be one of/);
  });

  it('422 for an empty batch and for a batch over MAX_BATCH_SIZE', async () => {
    const empty = await send({ instances: [] });
    expect(empty.status).toBe(422);
    expect(fieldErrors(empty.body)).toEqual({ instances: 'instances must contain at least one row' });
    const big = await send({ instances: Array.from({ length: 6 }, () => row) });
    expect(big.status).toBe(422);
    expect(fieldErrors(big.body)).toEqual({ instances: 'must contain at most 5 rows' });
  });

  it('422 names the row of a bad batch item', async () => {
    const { status, body } = await send({ instances: [row, { ...row, credit_score: null }] });
    expect(status).toBe(422);
    expect(fieldErrors(body)).toEqual({ 'instances[1].credit_score': 'is required' });
  });

  it('422 for unknown envelope fields and a body without features', async () => {
    const extra = await send({ features: row, color: 'red' });
    expect(extra.status).toBe(422);
    expect(fieldErrors(extra.body)).toEqual({ color: 'property color should not exist' });
    expect((await send({})).status).toBe(422);
    expect((await send({ features: 'age=42' })).status).toBe(422);
  });

  it('404 for an unknown model, version and prediction', async () => {
    expect((await send({ features: row }, {}, '/v1/models/nope/predict')).body).toMatchObject({
      status: 404,
      title: 'Model not found',
    });
    expect((await send({ features: row }, {}, '/v1/models/loan-risk/predict?version=9')).status).toBe(404);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/v1/predictions/0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ title: 'Prediction not found' });
  });

  it('413 for a body over the limit', async () => {
    const { status } = await send({ features: row, metadata: { blob: 'x'.repeat(5000) } });
    expect(status).toBe(413);
  });

  it('415 for a non-JSON content type', async () => {
    const { status } = await send('age=42', { 'content-type': 'text/plain' });
    expect(status).toBe(415);
  });

  it('logs rejected attempts with their error class and sanitized inputs', async () => {
    const { status } = await send({
      features: { ...row, age: 'jane@example.com' },
      metadata: { card: '4111 1111 1111 1111' },
    });
    expect(status).toBe(422);
    await t.flushLogs();
    const rows = await queryDb(
      t.databaseUrl,
      `SELECT inputs, metadata FROM prediction_log WHERE status = 'error' AND error_class = 'validation_failed' AND metadata IS NOT NULL`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      inputs: { features: { ...row, age: '[email]' } },
      metadata: { card: '[card]' },
    });
  });
});
