import { Sightline, SightlineError } from '../../clients/typescript/src';
import { CallContext, everyOperation } from '../../clients/typescript/test/every-operation';
import { LOAN_INPUT, LOAN_ROW } from '../utils/demo-rows';
import { startListeningApp, TestApp } from '../utils/test-app';

describe('the TypeScript SDK against a running server (e2e)', () => {
  let t: TestApp;
  let baseUrl: string;
  let s: Sightline;

  beforeAll(async () => {
    const app = await startListeningApp({ DEFAULT_MODEL: 'loan-risk', AUTH_KEYS_REFRESH_MS: '200' });
    t = app;
    baseUrl = app.url;
    s = new Sightline({ baseUrl });
  });
  afterAll(() => t.close());

  it('predicts one row, a batch and with the default model, and each id is in the log', async () => {
    const one = await s.predict(LOAN_ROW, {
      model: 'loan-risk',
      version: '1',
      metadata: { channel: 'web' },
    });
    expect(one.model).toEqual({ name: 'loan-risk', version: '1' });
    expect(['repaid', 'default']).toContain(one.prediction);
    const batch = await s.predictBatch([LOAN_ROW, LOAN_ROW], { model: 'loan-risk' });
    expect(batch.predictions).toHaveLength(2);
    const dflt = await s.predict(LOAN_ROW);
    expect(dflt.model.name).toBe('loan-risk');
    await t.flushLogs();
    for (const id of [
      one.prediction_id,
      ...batch.predictions.map((p) => p.prediction_id),
      dflt.prediction_id,
    ]) {
      const record = await s.prediction(id);
      expect(record).toMatchObject({ prediction_id: id, status: 'success', source: 'v1' });
    }
    expect((await s.prediction(one.prediction_id)).metadata).toEqual({ channel: 'web' });
  });

  it('predicts texts with a text model', async () => {
    const one = await s.predictText('This is a fantastic product!', { model: 'sentiment' });
    expect(one).toMatchObject({ prediction: 'positive', model: { name: 'sentiment' } });
    const batch = await s.predictTexts(['Terrible service, it arrived broken.', 'Lovely design'], {
      model: 'sentiment',
    });
    expect(batch.predictions.map((p) => p.prediction)).toEqual(['negative', 'positive']);
  });

  it('posts feedback one by one and in bulk, and shows a conflict as a problem', async () => {
    const { prediction_id: id } = await s.predict(LOAN_ROW);
    await t.flushLogs();
    expect(await s.feedback(id, 'default', { comment: 'charged off' })).toMatchObject({ actual: 'default' });
    const conflict = await s.feedback(id, 'repaid').catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(SightlineError);
    expect((conflict as SightlineError).status).toBe(409);
    expect((conflict as SightlineError).body?.title).toMatch(/conflict/i);
    expect(await s.feedback(id, 'repaid', { replace: true })).toMatchObject({ actual: 'repaid' });
    const bulk = await s.feedbackBulk([
      { prediction_id: id, actual: 'repaid' },
      { prediction_id: '0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f', actual: 'repaid' },
    ]);
    expect(bulk.counts).toMatchObject({ unchanged: 1, not_found: 1 });
  });

  it('turns a 422 into an error naming every field, and a 404 into its detail', async () => {
    const err = (await s
      .predict({ ...LOAN_ROW, age: 7 }, { model: 'loan-risk' })
      .catch((e: unknown) => e)) as SightlineError;
    expect(err.status).toBe(422);
    expect(err.fieldErrors).toEqual([
      { field: 'features.age', message: 'must be between 18 and 100, got 7' },
    ]);
    expect(err.message).toMatch(/^Validation failed: .*\(features\.age must be between 18 and 100, got 7\)$/);
    const missing = (await s.model('nope').catch((e: unknown) => e)) as SightlineError;
    expect(missing.status).toBe(404);
    expect(missing.message).toBe('Model not found: No model named "nope"');
  });

  it('runs drift, reads the latest report and its page, performance and v2 inference', async () => {
    const run = await s.runDrift('loan-risk', { window: '1h' });
    expect(run.status).toBe('completed');
    expect((await s.drift('loan-risk')).id).toBe(run.id);
    const page = await fetch(s.driftReportUrl('loan-risk', { run: run.id }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const perf = await s.performance('loan-risk', { window: '1h' });
    expect(perf).toMatchObject({ task: 'classification', window: '1h' });
    const out = await s.infer('loan-risk', {
      inputs: [
        {
          name: 'input',
          datatype: 'FP32',
          shape: [1, 12],
          data: LOAN_INPUT,
        },
      ],
    });
    expect(out.outputs.map((o) => o.name)).toContain('probabilities');
    const [stats] = (await s.statistics('loan-risk', '2')).model_stats;
    expect(stats.inference_count).toBeGreaterThan(0);
  });

  it('makes a call to every operation of the document, and each one succeeds', async () => {
    const { prediction_id: predictionId } = await s.predict(LOAN_ROW, { model: 'loan-risk', version: '2' });
    await t.flushLogs();
    const driftRunId = (await s.runDrift('loan-risk', { window: '1h' })).id;
    // the first key closes the open server: from then on every call carries the admin key
    const admin = await s.createKey({ name: 'sdk', scopes: ['admin', 'predict', 'feedback', 'read'] });
    const withKey = new Sightline({ baseUrl, apiKey: admin.key });
    const keyId = (await withKey.createKey({ name: 'to-revoke', scopes: ['read'] })).id;
    const c: CallContext = {
      s: withKey,
      model: 'loan-risk',
      version: '2',
      predictionId,
      driftRunId,
      keyId,
    };
    const called: string[] = [];
    for (const [path, methods] of Object.entries(everyOperation)) {
      for (const [method, call] of Object.entries(
        methods as Record<string, (c: CallContext) => Promise<unknown>>,
      )) {
        await expect(call(c)).resolves.toBeDefined();
        called.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const doc = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, object>;
    };
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(called.sort()).toEqual(operations.sort());
    // the key is sent: without it, the now closed server refuses
    const anonymous = await s.models().catch((e: unknown) => e);
    expect((anonymous as SightlineError).status).toBe(401);
  });
});
