import { LOAN_INPUT as ROW, LOAN_ROW } from '../utils/demo-rows';
import { startV2App, v2, V2TestApp } from './v2-support';

const infer = (rows = 1) => ({
  inputs: [
    {
      name: 'input',
      datatype: 'FP32',
      shape: [rows, 12],
      data: Array.from({ length: rows }, () => ROW).flat(),
    },
  ],
});

/** One sample of the Prometheus text, e.g. `sightline_batch_size_count{model="loan-risk",version="2"}`. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  if (!line) throw new Error(`no ${name}{${labels}} in the exposition`);
  return Number(line.split(' ').pop());
}

describe("Triton's statistics extension and v2 dynamic batching (e2e)", () => {
  let t: V2TestApp;
  // a batch window, so that requests arriving together share a run
  beforeAll(async () => {
    t = await startV2App({ BATCH_MAX_DELAY_MS: '5' });
  });
  afterAll(() => t.close());

  const stats = async (url: string) => {
    const res = await v2(t, 'GET', url);
    expect(res.status).toBe(200);
    return res.json().model_stats;
  };

  it('starts at zero for every ready version, in Triton’s shape', async () => {
    const all = await stats('/v2/models/stats');
    const names = all.map((s: { name: string; version: string }) => `${s.name}@${s.version}`);
    expect(names).toEqual(
      expect.arrayContaining(['loan-risk@1', 'loan-risk@2', 'house-price@1', 'dtype-zoo@1']),
    );
    expect(names).not.toContain('broken@1');
    const [loan] = await stats('/v2/models/loan-risk/versions/1/stats');
    const zero = { count: 0, ns: 0 };
    expect(loan).toEqual({
      name: 'loan-risk',
      version: '1',
      last_inference: 0,
      inference_count: 0,
      execution_count: 0,
      inference_stats: {
        success: zero,
        fail: zero,
        queue: zero,
        compute_input: zero,
        compute_infer: zero,
        compute_output: zero,
        cache_hit: zero,
        cache_miss: zero,
      },
      batch_stats: [],
    });
  });

  it('batches concurrent v2 requests of one shape, with v1 predictions of the same model', async () => {
    const before = Date.now();
    const answers = await Promise.all([
      ...Array.from({ length: 12 }, () => v2(t, 'POST', '/v2/models/loan-risk/versions/2/infer', infer())),
      v2(t, 'POST', '/v2/models/loan-risk/versions/2/infer', infer(3)),
      ...Array.from({ length: 4 }, () =>
        v2(t, 'POST', '/v1/models/loan-risk/predict?version=2', { features: LOAN_ROW }),
      ),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(17).fill(200));
    const first = answers[0].json().outputs[0].data;
    // each answer is its own rows': the 3-row request got three copies of the same row
    expect(answers[12].json().outputs[0].data).toEqual([...first, ...first, ...first]);
    expect(answers[13].json().probabilities.default).toBeCloseTo(first[1], 6);

    const [s] = await stats('/v2/models/loan-risk/versions/2/stats');
    expect(s.inference_count).toBe(12 + 3 + 4);
    expect(s.inference_stats.success.count).toBe(17);
    expect(s.execution_count).toBeLessThan(17);
    expect(s.last_inference).toBeGreaterThanOrEqual(before);
    expect(s.inference_stats.queue.count).toBe(17);
    expect(s.inference_stats.compute_infer.count).toBe(17);
    const rows = s.batch_stats.reduce(
      (sum: number, b: { batch_size: number; compute_infer: { count: number } }) =>
        sum + b.batch_size * b.compute_infer.count,
      0,
    );
    expect(rows).toBe(19);
    expect(Math.max(...s.batch_stats.map((b: { batch_size: number }) => b.batch_size))).toBeGreaterThan(1);
  });

  it('counts from the same timings as the Prometheus metrics', async () => {
    const [s] = await stats('/v2/models/loan-risk/versions/2/stats');
    const text = (await v2(t, 'GET', '/metrics')).body.toString();
    const labels = 'model="loan-risk",version="2"';
    expect(sample(text, 'sightline_batch_size_count', labels)).toBe(s.execution_count);
    expect(sample(text, 'sightline_batch_size_sum', labels)).toBe(19);
    expect(sample(text, 'sightline_batch_queue_wait_seconds_sum', labels)).toBeCloseTo(
      s.inference_stats.queue.ns / 1e9,
      6,
    );
    expect(sample(text, 'sightline_preprocess_duration_seconds_sum', labels)).toBeCloseTo(
      s.inference_stats.compute_input.ns / 1e9,
      6,
    );
    const { success, compute_input } = s.inference_stats;
    expect(sample(text, 'sightline_inference_duration_seconds_sum', labels)).toBeCloseTo(
      (success.ns - compute_input.ns) / 1e9,
      6,
    );
  });

  it('counts failures with their time, per version', async () => {
    const bad = await v2(t, 'POST', '/v2/models/loan-risk/versions/1/infer', { inputs: [] });
    expect(bad.status).toBe(400);
    const [s] = await stats('/v2/models/loan-risk/versions/1/stats');
    expect(s.inference_stats.fail.count).toBe(1);
    expect(s.inference_stats.fail.ns).toBeGreaterThan(0);
    expect(s.inference_stats.success.count).toBe(0);
  });

  it('lists every version of one model, and answers {"error"} 404 for unknown ones', async () => {
    const loan = await stats('/v2/models/loan-risk/stats');
    expect(loan.map((s: { version: string }) => s.version)).toEqual(['1', '2']);
    const unknown = await v2(t, 'GET', '/v2/models/nope/stats');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toBe('application/json');
    expect(unknown.json()).toEqual({ error: 'No model named "nope"' });
    expect((await v2(t, 'GET', '/v2/models/loan-risk/versions/7/stats')).status).toBe(404);
  });

  describe('with API keys', () => {
    let admin: string;
    const call = (url: string, key?: string) =>
      t.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    const key = async (body: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/keys',
        payload: body,
        headers: admin ? { authorization: `Bearer ${admin}` } : {},
      });
      expect(res.statusCode).toBe(201);
      return res.json().key as string;
    };

    beforeAll(async () => {
      admin = await key({ name: 'ops', scopes: ['admin'] });
    });

    it('answers 401 and 403 as {"error"} on every v2 route, known or not, and problem+json elsewhere', async () => {
      for (const url of ['/v2', '/v2/models/loan-risk', '/v2/models/stats', '/v2/no/such/route']) {
        const res = await call(url);
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.json()).toEqual({ error: expect.stringMatching(/valid API key is required/) });
      }
      const infer = await t.app.inject({ method: 'POST', url: '/v2/models/loan-risk/infer', payload: '{}' });
      expect(infer.statusCode).toBe(401);
      expect(infer.json()).toHaveProperty('error');
      const feedbackOnly = await key({ name: 'fb', scopes: ['feedback'] });
      const forbidden = await call('/v2/models/loan-risk', feedbackOnly);
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json()).toEqual({ error: 'This API key does not allow this operation' });
      expect((await call('/v1/models')).headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('shows a key restricted to some models only their statistics', async () => {
      const restricted = await key({ name: 'house', scopes: ['read'], models: ['house-price'] });
      const res = await call('/v2/models/stats', restricted);
      expect(res.statusCode).toBe(200);
      expect(res.json().model_stats.map((s: { name: string }) => s.name)).toEqual(['house-price']);
      expect((await call('/v2/models/loan-risk/stats', restricted)).statusCode).toBe(403);
    });
  });
});
