import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../utils/test-tracer';
import { startTestApp, TestApp } from '../utils/test-app';
import { queryDb } from '../utils/test-database';

// Sightline's own spans, in-process: the SDK's auto-instrumentations (http, pg) cannot patch
// modules inside jest, so those are checked against the built server in tracing-process.e2e-spec.
const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

const features = {
  age: 42,
  income: 52000,
  loan_amount: 12000,
  credit_score: 690,
  employment: 'employed',
  home_ownership: 'rent',
};
const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

const parentOf = (s: ReadableSpan): string | undefined => s.parentSpanContext?.spanId;
const idOf = (s: ReadableSpan): string => s.spanContext().spanId;

function only(spans: ReadableSpan[], name: string): ReadableSpan {
  const found = spans.filter((s) => s.name === name);
  expect(found.map((s) => s.name)).toEqual([name]);
  return found[0];
}

describe('tracing (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t?.close();
    await provider.shutdown();
  });

  beforeEach(() => exporter.reset());

  const predict = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/v1/models/loan-risk/predict', payload: body as object, headers });

  it('makes our spans children of the caller when a traceparent comes in, and returns the trace id', async () => {
    const res = await predict({ features }, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-trace-id']).toBe(CALLER_TRACE);
    const id = res.json().prediction_id as string;
    await t.flushLogs();

    // scheduled jobs may add spans of their own meanwhile: look at the prediction's trace only
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === CALLER_TRACE);
    const root = only(spans, 'sightline.predict');
    expect(parentOf(root)).toBe(CALLER_SPAN);
    expect(root.attributes).toMatchObject({
      'sightline.model.name': 'loan-risk',
      'sightline.model.version': '2',
      'sightline.batch.size': 1,
      'sightline.prediction.id': id,
      'sightline.request.id': res.headers['x-request-id'],
    });
    expect(root.status.code).toBe(SpanStatusCode.UNSET);

    // the span tree of one prediction: four steps under predict, the batch insert under enqueue
    for (const step of ['sightline.validate', 'sightline.preprocess', 'sightline.inference']) {
      expect(parentOf(only(spans, step))).toBe(idOf(root));
    }
    expect(only(spans, 'sightline.inference').attributes).toMatchObject({
      'sightline.model.name': 'loan-risk',
      'sightline.model.version': '2',
      'sightline.batch.size': 1,
    });
    const enqueue = only(spans, 'sightline.enqueue_log');
    expect(parentOf(enqueue)).toBe(idOf(root));
    const write = only(spans, 'sightline.prediction_log.write');
    expect(parentOf(write)).toBe(idOf(enqueue));
    expect(write.attributes['sightline.prediction_log.records']).toBe(1);

    const [row] = await queryDb<{ trace_id: string }>(
      t.databaseUrl,
      'SELECT trace_id FROM prediction_log WHERE id = $1',
      [id],
    );
    expect(row.trace_id).toBe(CALLER_TRACE);
  });

  it('starts a trace of its own without a traceparent, and lists the ids of a batch', async () => {
    const res = await predict({ instances: [features, features, features] });
    expect(res.statusCode).toBe(200);
    const ids = (res.json().predictions as { prediction_id: string }[]).map((p) => p.prediction_id);
    const root = only(exporter.getFinishedSpans(), 'sightline.predict');
    expect(root.parentSpanContext).toBeUndefined();
    expect(root.spanContext().traceId).not.toBe(CALLER_TRACE);
    expect(root.attributes['sightline.batch.size']).toBe(3);
    expect(root.attributes['sightline.prediction.ids']).toEqual(ids);
  });

  it('records a validation failure on the step that failed and on the prediction', async () => {
    const res = await predict({ features: { ...features, age: 'old' } });
    expect(res.statusCode).toBe(422);
    const spans = exporter.getFinishedSpans();
    for (const name of ['sightline.preprocess', 'sightline.predict']) {
      const span = only(spans, name);
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
      expect(span.attributes['error.type']).toBe('validation_failed');
    }
    expect(spans.map((s) => s.name)).not.toContain('sightline.inference');
    // a client mistake is not an exception worth a stack trace
    expect(only(spans, 'sightline.predict').events).toEqual([]);
  });

  it('records an unknown model on the validate step', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/models/no-such-model/predict',
      payload: { features },
    });
    expect(res.statusCode).toBe(404);
    const validate = only(exporter.getFinishedSpans(), 'sightline.validate');
    expect(validate.status.code).toBe(SpanStatusCode.ERROR);
    expect(validate.attributes['error.type']).toBe('model_not_found');
  });

  it('ignores a malformed traceparent', async () => {
    const res = await predict({ features }, { traceparent: '00-not-a-trace-01' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-trace-id']).toBeUndefined();
    expect(only(exporter.getFinishedSpans(), 'sightline.predict').parentSpanContext).toBeUndefined();
  });
});
