import { queryDb } from '../utils/test-database';
import { LOAN_ROW } from '../utils/demo-rows';
import { startTestApp, TestApp } from '../utils/test-app';

const houseRow = { sqft: 1800, bedrooms: 3, bathrooms: 2, age_years: 12, neighborhood: 'fernwick' };
const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

describe('feedback API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // a long flush interval keeps predictions in the writer's buffer: feedback must still find them
    t = await startTestApp({ PREDICTION_LOG_FLUSH_INTERVAL_MS: '60000' });
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function predict(model: string, rows: object[]): Promise<string[]> {
    const res = await send('POST', `/v1/models/${model}/predict`, { instances: rows });
    expect(res.statusCode).toBe(200);
    return res.json().predictions.map((p: { prediction_id: string }) => p.prediction_id);
  }

  it('stores feedback on a prediction still in the log buffer (201), sanitized, and shows it on the prediction', async () => {
    const [id] = await predict('loan-risk', [LOAN_ROW]);
    const res = await send('POST', `/v1/predictions/${id}/feedback`, {
      actual: 'default',
      comment: 'customer jane.doe@example.com called 555-123-4567',
      metadata: { customer_email: 'jane.doe@example.com', source: 'collections' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      prediction_id: id,
      actual: 'default',
      metadata: { customer_email: '[masked]', source: 'collections' },
    });
    expect(body.comment).not.toContain('jane.doe@example.com');
    expect(body.comment).not.toContain('555-123-4567');
    expect(body.created_at).toBe(body.updated_at);

    const [row] = await queryDb(t.databaseUrl, 'SELECT * FROM feedback WHERE prediction_id = $1', [id]);
    expect(row).toMatchObject({ actual_label: 'default', actual_value: null, comment: body.comment });
    expect(JSON.stringify(row.metadata)).not.toContain('jane.doe');

    const record = await send('GET', `/v1/predictions/${id}`);
    expect(record.statusCode).toBe(200);
    expect(record.json().feedback).toEqual(body);
    expect((await send('GET', `/v1/predictions/${id}/feedback`)).json()).toEqual(body);
  });

  it('answers the same actual again with 200 and the stored record, a different one with 409 naming it', async () => {
    const [id] = await predict('loan-risk', [LOAN_ROW]);
    const first = await send('POST', `/v1/predictions/${id}/feedback`, {
      actual: 'repaid',
      comment: 'first',
    });
    expect(first.statusCode).toBe(201);

    const again = await send('POST', `/v1/predictions/${id}/feedback`, {
      actual: 'repaid',
      comment: 'second',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());

    const conflict = await send('POST', `/v1/predictions/${id}/feedback`, { actual: 'default' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.json()).toMatchObject({
      type: 'urn:sightline:problem:feedback-conflict',
      status: 409,
      existing_actual: 'repaid',
    });
    expect(conflict.json().detail).toContain('"repaid"');
  });

  it('replaces the actual with PUT (200), keeping when the label first arrived; PUT on an unlabelled prediction is 201', async () => {
    const [id, other] = await predict('loan-risk', [LOAN_ROW, { ...LOAN_ROW, age: 30 }]);
    const first = (await send('POST', `/v1/predictions/${id}/feedback`, { actual: 'repaid' })).json();
    const put = await send('PUT', `/v1/predictions/${id}/feedback`, {
      actual: 'default',
      comment: 'corrected',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      feedback_id: first.feedback_id,
      actual: 'default',
      comment: 'corrected',
      created_at: first.created_at,
    });
    expect((await send('GET', `/v1/predictions/${id}`)).json().feedback.actual).toBe('default');
    const rows = await queryDb(
      t.databaseUrl,
      'SELECT count(*)::int AS n FROM feedback WHERE prediction_id = $1',
      [id],
    );
    expect(rows[0].n).toBe(1);

    expect((await send('PUT', `/v1/predictions/${other}/feedback`, { actual: 'repaid' })).statusCode).toBe(
      201,
    );
  });

  it('404 for an unknown prediction, 422 for a malformed id', async () => {
    const unknown = await send('POST', `/v1/predictions/${UNKNOWN_ID}/feedback`, { actual: 'repaid' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().type).toBe('urn:sightline:problem:prediction-not-found');
    expect(
      (await send('PUT', `/v1/predictions/${UNKNOWN_ID}/feedback`, { actual: 'repaid' })).statusCode,
    ).toBe(404);
    expect((await send('GET', `/v1/predictions/${UNKNOWN_ID}/feedback`)).statusCode).toBe(404);

    const malformed = await send('POST', `/v1/predictions/not-a-uuid/feedback`, { actual: 'repaid' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });

  it('422 naming the field for an actual that is not a label, not a finite number, or missing', async () => {
    const [loan] = await predict('loan-risk', [LOAN_ROW]);
    const [house] = await predict('house-price', [houseRow]);

    const label = await send('POST', `/v1/predictions/${loan}/feedback`, { actual: 'maybe' });
    expect(label.statusCode).toBe(422);
    expect(label.json().errors).toEqual([
      { field: 'actual', message: `must be one of the model's labels: "repaid", "default"` },
    ]);
    expect((await send('POST', `/v1/predictions/${loan}/feedback`, { actual: true })).statusCode).toBe(422);

    for (const actual of ['250000', null, [1], { v: 1 }]) {
      const res = await send('POST', `/v1/predictions/${house}/feedback`, { actual });
      expect([actual, res.statusCode]).toEqual([actual, 422]);
      expect(res.json().errors[0].field).toBe('actual');
    }
    // JSON has no Infinity, but 1e400 parses to it
    const infinite = await t.app.inject({
      method: 'POST',
      url: `/v1/predictions/${house}/feedback`,
      headers: { 'content-type': 'application/json' },
      payload: '{"actual": 1e400}',
    });
    expect(infinite.statusCode).toBe(422);
    expect(infinite.json().errors).toEqual([
      { field: 'actual', message: 'must be a finite number (this is a regression model)' },
    ]);

    const unknownField = await send('POST', `/v1/predictions/${loan}/feedback`, {
      actual: 'repaid',
      label: 'x',
    });
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().errors[0].field).toBe('label');

    const ok = await send('POST', `/v1/predictions/${house}/feedback`, { actual: 251000.5 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().actual).toBe(251000.5);
  });

  it('422 for feedback on a failed prediction: it has no output to label', async () => {
    const bad = await send('POST', '/v1/models/loan-risk/predict', { features: { ...LOAN_ROW, age: 7 } });
    expect(bad.statusCode).toBe(422);
    await t.flushLogs();
    const [failed] = await queryDb<{ id: string }>(
      t.databaseUrl,
      `SELECT id FROM prediction_log WHERE status = 'error' ORDER BY created_at DESC LIMIT 1`,
    );
    const res = await send('POST', `/v1/predictions/${failed.id}/feedback`, { actual: 'repaid' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'id', message: 'the prediction failed (validation_failed) and has no output to label' },
    ]);
  });

  it('bulk: one status per item, counts, and one bad item does not reject the others', async () => {
    const ids = await predict('loan-risk', [LOAN_ROW, LOAN_ROW, LOAN_ROW, LOAN_ROW]);
    await send('POST', `/v1/predictions/${ids[1]}/feedback`, { actual: 'repaid' });
    await send('POST', `/v1/predictions/${ids[2]}/feedback`, { actual: 'repaid' });
    const res = await send('POST', '/v1/feedback', {
      items: [
        { prediction_id: ids[0], actual: 'default', metadata: { customer_email: 'a@b.io' } },
        { prediction_id: ids[1], actual: 'repaid' },
        { prediction_id: ids[2], actual: 'default' },
        { prediction_id: UNKNOWN_ID, actual: 'repaid' },
        { prediction_id: ids[3], actual: 'maybe' },
        { prediction_id: 'nope', actual: 'repaid' },
        'not an object',
        { prediction_id: ids[3], actual: 'repaid', extra: 1 },
        { prediction_id: ids[0], actual: 'default' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({ created: 1, unchanged: 1, conflict: 1, not_found: 1, invalid: 5 });
    expect(body.items).toEqual([
      { index: 0, prediction_id: ids[0], status: 'created' },
      { index: 1, prediction_id: ids[1], status: 'unchanged' },
      { index: 2, prediction_id: ids[2], status: 'conflict', existing_actual: 'repaid' },
      { index: 3, prediction_id: UNKNOWN_ID, status: 'not_found' },
      {
        index: 4,
        prediction_id: ids[3],
        status: 'invalid',
        errors: [{ field: 'actual', message: `must be one of the model's labels: "repaid", "default"` }],
      },
      {
        index: 5,
        prediction_id: 'nope',
        status: 'invalid',
        errors: [{ field: 'prediction_id', message: 'must be a UUID' }],
      },
      {
        index: 6,
        prediction_id: null,
        status: 'invalid',
        errors: [{ field: '', message: 'each item must be an object' }],
      },
      {
        index: 7,
        prediction_id: ids[3],
        status: 'invalid',
        errors: [{ field: 'extra', message: 'property extra should not exist' }],
      },
      {
        index: 8,
        prediction_id: ids[0],
        status: 'invalid',
        errors: [{ field: 'prediction_id', message: 'repeats item 0 of this request' }],
      },
    ]);
    const stored = await queryDb(t.databaseUrl, 'SELECT metadata FROM feedback WHERE prediction_id = $1', [
      ids[0],
    ]);
    expect(stored[0].metadata).toEqual({ customer_email: '[masked]' });
    expect((await send('GET', `/v1/predictions/${ids[2]}`)).json().feedback.actual).toBe('repaid');
  });

  it('bulk: 422 for an empty list, a missing list, or more items than FEEDBACK_MAX_BULK_ITEMS', async () => {
    expect((await send('POST', '/v1/feedback', { items: [] })).json().errors[0].field).toBe('items');
    expect((await send('POST', '/v1/feedback', {})).statusCode).toBe(422);
    const tooMany = await send('POST', '/v1/feedback', { items: Array.from({ length: 10_001 }, () => ({})) });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().errors).toEqual([
      { field: 'items', message: 'must contain at most 10000 items (FEEDBACK_MAX_BULK_ITEMS)' },
    ]);
  });

  it('bulk: 10,000 labels in one request above the global body limit, stored set-based', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        ...(await predict(
          'loan-risk',
          Array.from({ length: 1000 }, (_, k) => ({ ...LOAN_ROW, age: 20 + (k % 60) })),
        )),
      );
    }
    const items = ids.map((id, i) => ({
      prediction_id: id,
      actual: i % 3 === 0 ? 'default' : 'repaid',
      metadata: { batch: 'nightly-import', note: 'x'.repeat(60) },
    }));
    const payload = JSON.stringify({ items });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(1024 * 1024); // over BODY_LIMIT_BYTES
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({
      created: 10_000,
      unchanged: 0,
      conflict: 0,
      not_found: 0,
      invalid: 0,
    });
    const [row] = await queryDb(
      t.databaseUrl,
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE actual_label = 'default')::int AS d
       FROM feedback WHERE prediction_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(row).toEqual({ n: 10_000, d: 3334 });

    // the same request again changes nothing
    const again = await t.app.inject({
      method: 'POST',
      url: '/v1/feedback',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(again.json().counts.unchanged).toBe(10_000);

    // the larger limit is this route's alone
    const big = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/predict',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ features: LOAN_ROW, metadata: { blob: 'x'.repeat(1100 * 1024) } }),
    });
    expect(big.statusCode).toBe(413);
  });
});
