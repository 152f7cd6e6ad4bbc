import { DEMO_MODEL_NAMES, startTestApp, TestApp } from '../utils/test-app';
import { HOUSE_ROW, LOAN_ROW } from '../utils/demo-rows';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * Every route of the API, as the OpenAPI document lists it, with what a key limited to loan-risk
 * gets when it aims at house-price (or, for a route without a model, what it gets at all). A
 * route missing from this table fails the test: a new route must decide how it treats such a key.
 */
interface Case {
  /** The request aimed at the other model (house-price). */
  other: { url: string; body?: object };
  /** Its status; a prediction id outside the key's models is a 404, never a 403. */
  status: number;
  /** The same request for the key's own model, which must not be refused. */
  mine?: { url: string; body?: object };
}

describe('a key limited to some models, on every route (e2e)', () => {
  let t: TestApp;
  let admin: string;
  let limited: { id: string; key: string };
  let limitedAdmin: string;
  const ids = { mine: '', other: '' };
  const UNKNOWN = '0196b1f2-7c1a-7d3e-9a4b-000000000000';

  const call = (method: Method, url: string, key: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    // the default model (POST /predict) is the one the limited key may not use
    t = await startTestApp({ DEFAULT_MODEL: 'house-price', AUTH_KEYS_REFRESH_MS: '200' });
    const create = async (body: object, key?: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/keys',
        payload: body,
        headers: key ? { authorization: `Bearer ${key}` } : {},
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; key: string };
    };
    admin = (await create({ name: 'ops', scopes: ['admin', 'predict', 'read'] })).key;
    limited = await create(
      { name: 'loans', scopes: ['predict', 'feedback', 'read', 'admin'], models: ['loan-risk'] },
      admin,
    );
    limitedAdmin = limited.key;
    const predict = async (model: string, features: object) => {
      const res = await call('POST', `/v1/models/${model}/predict`, admin, { features });
      expect(res.statusCode).toBe(200);
      return res.json().prediction_id as string;
    };
    ids.mine = await predict('loan-risk', LOAN_ROW);
    ids.other = await predict('house-price', HOUSE_ROW);
    await t.flushLogs();
  });
  afterAll(async () => {
    await t?.close();
  });

  const cases = (): Record<string, Case> => {
    const p = (id: string) => `/v1/predictions/${id}`;
    const v2infer = {
      inputs: [{ name: 'input', datatype: 'FP32', shape: [1, 12], data: new Array(12).fill(0) }],
    };
    return {
      'GET /v1/models': { other: { url: '/v1/models' }, status: 200 },
      'GET /v1/models/{name}': {
        other: { url: '/v1/models/house-price' },
        status: 403,
        mine: { url: '/v1/models/loan-risk' },
      },
      'POST /v1/models/{name}/predict': {
        other: { url: '/v1/models/house-price/predict', body: { features: HOUSE_ROW } },
        status: 403,
        mine: { url: '/v1/models/loan-risk/predict', body: { features: LOAN_ROW } },
      },
      'POST /predict': { other: { url: '/predict', body: { features: HOUSE_ROW } }, status: 403 },
      'GET /v1/predictions/{id}': { other: { url: p(ids.other) }, status: 404, mine: { url: p(ids.mine) } },
      'POST /v1/predictions/{id}/feedback': {
        other: { url: `${p(ids.other)}/feedback`, body: { actual: 250000 } },
        status: 404,
        mine: { url: `${p(ids.mine)}/feedback`, body: { actual: 'repaid' } },
      },
      'PUT /v1/predictions/{id}/feedback': {
        other: { url: `${p(ids.other)}/feedback`, body: { actual: 250000 } },
        status: 404,
        mine: { url: `${p(ids.mine)}/feedback`, body: { actual: 'repaid' } },
      },
      'GET /v1/predictions/{id}/feedback': {
        other: { url: `${p(ids.other)}/feedback` },
        status: 404,
        mine: { url: `${p(ids.mine)}/feedback` },
      },
      'POST /v1/feedback': {
        other: { url: '/v1/feedback', body: { items: [{ prediction_id: ids.other, actual: 250000 }] } },
        status: 200,
      },
      'POST /v1/models/{name}/drift/runs': {
        other: { url: '/v1/models/house-price/drift/runs' },
        status: 403,
      },
      'GET /v1/models/{name}/drift': { other: { url: '/v1/models/house-price/drift' }, status: 403 },
      'GET /v1/models/{name}/drift/runs': {
        other: { url: '/v1/models/house-price/drift/runs' },
        status: 403,
      },
      'GET /v1/models/{name}/drift/runs/{id}': {
        other: { url: `/v1/models/house-price/drift/runs/${UNKNOWN}` },
        status: 403,
      },
      'GET /v1/models/{name}/drift/report': {
        other: { url: '/v1/models/house-price/drift/report' },
        status: 403,
      },
      'GET /v1/models/{name}/drift/reference': {
        other: { url: '/v1/models/house-price/drift/reference' },
        status: 403,
        mine: { url: '/v1/models/loan-risk/drift/reference' },
      },
      'PUT /v1/models/{name}/drift/reference': {
        other: { url: '/v1/models/house-price/drift/reference', body: { source: 'file' } },
        status: 403,
      },
      'DELETE /v1/models/{name}/drift/reference': {
        other: { url: '/v1/models/house-price/drift/reference' },
        status: 403,
      },
      'GET /v1/models/{name}/performance': {
        other: { url: '/v1/models/house-price/performance' },
        status: 403,
        mine: { url: '/v1/models/loan-risk/performance' },
      },
      'GET /v1/models/{name}/performance/history': {
        other: { url: '/v1/models/house-price/performance/history' },
        status: 403,
      },
      'GET /v1/models/{name}/performance/estimated/history': {
        other: { url: '/v1/models/house-price/performance/estimated/history' },
        status: 403,
        mine: { url: '/v1/models/loan-risk/performance/estimated/history' },
      },
      'GET /v2': { other: { url: '/v2' }, status: 200 },
      'GET /v2/models/{name}': {
        other: { url: '/v2/models/house-price' },
        status: 403,
        mine: { url: '/v2/models/loan-risk' },
      },
      'GET /v2/models/{name}/versions/{version}': {
        other: { url: '/v2/models/house-price/versions/1' },
        status: 403,
      },
      'GET /v2/models/{name}/ready': { other: { url: '/v2/models/house-price/ready' }, status: 403 },
      'GET /v2/models/{name}/versions/{version}/ready': {
        other: { url: '/v2/models/house-price/versions/1/ready' },
        status: 403,
      },
      'POST /v2/models/{name}/infer': {
        other: { url: '/v2/models/house-price/infer', body: v2infer },
        status: 403,
        mine: { url: '/v2/models/loan-risk/infer', body: v2infer },
      },
      'POST /v2/models/{name}/versions/{version}/infer': {
        other: { url: '/v2/models/house-price/versions/1/infer', body: v2infer },
        status: 403,
      },
      // Triton's statistics: the list shows only the key's models (checked below)
      'GET /v2/models/stats': { other: { url: '/v2/models/stats' }, status: 200 },
      'GET /v2/models/{name}/stats': {
        other: { url: '/v2/models/house-price/stats' },
        status: 403,
        mine: { url: '/v2/models/loan-risk/stats' },
      },
      'GET /v2/models/{name}/versions/{version}/stats': {
        other: { url: '/v2/models/house-price/versions/1/stats' },
        status: 403,
        mine: { url: '/v2/models/loan-risk/versions/2/stats' },
      },
      // key management spans every model: a limited admin key could otherwise mint an unlimited one
      'POST /v1/admin/keys': {
        other: { url: '/v1/admin/keys', body: { name: 'escalate', scopes: ['read'] } },
        status: 403,
      },
      'GET /v1/admin/keys': { other: { url: '/v1/admin/keys' }, status: 403 },
      'DELETE /v1/admin/keys/{id}': { other: { url: `/v1/admin/keys/${limited.id}` }, status: 403 },
      // public: no key needed, nothing about any model's predictions
      'GET /metrics': { other: { url: '/metrics' }, status: 200 },
      'GET /health/live': { other: { url: '/health/live' }, status: 200 },
      'GET /health/ready': { other: { url: '/health/ready' }, status: 200 },
      'GET /v2/health/live': { other: { url: '/v2/health/live' }, status: 200 },
      'GET /v2/health/ready': { other: { url: '/v2/health/ready' }, status: 200 },
    };
  };

  it('covers every route the API documents', async () => {
    const doc = (await call('GET', '/docs/openapi.json', admin)).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.filter((r) => !(r in cases())).sort()).toEqual([]);
  });

  it('refuses or hides the other model on every route, and serves its own', async () => {
    const seen: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const [route, c] of Object.entries(cases())) {
      const method = route.split(' ')[0] as Method;
      const res = await call(method, c.other.url, limitedAdmin, c.other.body);
      seen[route] = res.statusCode;
      expected[route] = c.status;
      if (c.mine) {
        const own = await call(method, c.mine.url, limitedAdmin, c.mine.body);
        expect([route, own.statusCode < 400]).toEqual([route, true]);
      }
    }
    expect(seen).toEqual(expected);
  });

  it('answers a prediction of another model exactly as an unknown id, so ids cannot be probed', async () => {
    const body = async (id: string, suffix = '') => {
      const res = await call('GET', `/v1/predictions/${id}${suffix}`, limitedAdmin);
      const { request_id: _r, ...rest } = res.json();
      return { status: res.statusCode, ...JSON.parse(JSON.stringify(rest).replaceAll(id, '<id>')) };
    };
    expect(await body(ids.other)).toEqual(await body(UNKNOWN));
    expect(await body(ids.other, '/feedback')).toEqual(await body(UNKNOWN, '/feedback'));
    // an unlimited key sees it
    expect((await call('GET', `/v1/predictions/${ids.other}`, admin)).statusCode).toBe(200);
  });

  it('lists only its models, reports items on other models as not_found, and stores nothing for them', async () => {
    const listed = (await call('GET', '/v1/models', limitedAdmin)).json();
    expect(listed.models.map((m: { name: string }) => m.name)).toEqual(['loan-risk']);
    const stats = (await call('GET', '/v2/models/stats', limitedAdmin)).json();
    expect([...new Set(stats.model_stats.map((s: { name: string }) => s.name))]).toEqual(['loan-risk']);
    const all = (await call('GET', '/v1/models', admin)).json();
    expect(all.models.map((m: { name: string }) => m.name).sort()).toEqual(DEMO_MODEL_NAMES);

    const bulk = await call('POST', '/v1/feedback', limitedAdmin, {
      items: [
        { prediction_id: ids.other, actual: 250000 },
        { prediction_id: ids.mine, actual: 'default' },
      ],
    });
    expect(bulk.json().items.map((i: { status: string }) => i.status)).toEqual(['not_found', 'conflict']);
    expect((await call('GET', `/v1/predictions/${ids.other}/feedback`, admin)).statusCode).toBe(404);
  });
});
