import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../utils/test-tracer';
import { queryDb } from '../utils/test-database';
import { startV2App, v2, V2TestApp } from './v2-support';

// A v2 inference is logged (prediction_log, source 'v2', sanitized, large tensors summarised),
// metered (the sightline_* inference families) and traced (sightline.v2.infer) like a v1 one.

const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';

const tokens = { name: 'tokens', shape: [2, 3], datatype: 'INT64', data: [1, 2, 3, 4, 5, 6] };
const step = { name: 'step', shape: [], datatype: 'INT64', data: [7] };
const state = { name: 'state', shape: [2, 2], datatype: 'FP32', data: [1, 2, 3, 4] };

interface LogRow {
  model_name: string;
  model_version: string;
  status: string;
  error_class: string | null;
  inputs: Record<string, unknown>;
  metadata: Record<string, unknown> | null;
  outputs: unknown;
  predicted_label: string | null;
  predicted_value: number | null;
  latency_ms: number;
  request_id: string;
  trace_id: string | null;
  source: string;
}

describe('Open Inference Protocol: logging, metrics and tracing (e2e)', () => {
  let t: V2TestApp;

  beforeAll(async () => {
    // tensors past 4 elements are summarised, so the fixtures show both forms
    t = await startV2App({ V2_LOG_MAX_ELEMENTS: '4' });
  });
  afterAll(async () => {
    await t.close();
    await provider.shutdown();
  });
  beforeEach(() => exporter.reset());

  const infer = (model: string, body: unknown, requestId: string, headers: Record<string, string> = {}) =>
    v2(t, 'POST', `/v2/models/${model}/infer`, body, { 'x-request-id': requestId, ...headers });

  async function logged(requestId: string): Promise<LogRow> {
    await t.flushLogs();
    const rows = await queryDb<LogRow>(t.databaseUrl, 'SELECT * FROM prediction_log WHERE request_id = $1', [
      requestId,
    ]);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  /** The value of one sample on /metrics (0 when the series does not exist yet). */
  async function metric(name: string, labels: Record<string, string>): Promise<number> {
    const text = (await v2(t, 'GET', '/metrics')).body.toString('utf8');
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.slice(0, l.indexOf('}')).includes(w)));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  }

  it('logs a success with source v2, the request and trace ids, small tensors whole and large ones summarised', async () => {
    const res = await infer('stateful-scorer', { id: 'obs-1', inputs: [tokens, step, state] }, 'obs-req-1', {
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
    });
    expect(res.status).toBe(200);
    const row = await logged('obs-req-1');
    expect(row).toMatchObject({
      model_name: 'stateful-scorer',
      model_version: '1',
      status: 'success',
      error_class: null,
      outputs: null,
      predicted_label: null,
      predicted_value: null,
      trace_id: CALLER_TRACE,
      source: 'v2',
    });
    expect(row.latency_ms).toBeGreaterThanOrEqual(0);
    expect(row.inputs).toEqual({
      tokens: { datatype: 'INT64', shape: [2, 3], summary: { count: 6, min: 1, max: 6, mean: 3.5 } },
      step: { datatype: 'INT64', shape: [], data: [7] },
      state: { datatype: 'FP32', shape: [2, 2], data: [1, 2, 3, 4] },
    });
    expect(row.metadata).toEqual({
      id: 'obs-1',
      outputs: {
        new_state: { datatype: 'FP32', shape: [2, 2], data: [7.5, 8, 8.5, 9] },
        token_sum: { datatype: 'INT64', shape: [2], data: [6, 15] },
        next_step: { datatype: 'INT64', shape: [], data: [8] },
        score: { datatype: 'FP32', shape: [2], data: [21.5, 32.5] },
      },
    });
  });

  it('sanitizes what it logs: PII in BYTES tensors and parameters is masked, large BYTES only counted', async () => {
    const zoo = {
      parameters: { note: 'call jane.doe@example.com' },
      inputs: [
        { name: 'in_bool', datatype: 'BOOL', shape: [2], data: [true, false] },
        { name: 'in_uint8', datatype: 'UINT8', shape: [2], data: [1, 2] },
        { name: 'in_uint16', datatype: 'UINT16', shape: [2], data: [1, 2] },
        { name: 'in_uint32', datatype: 'UINT32', shape: [2], data: [1, 2] },
        { name: 'in_uint64', datatype: 'UINT64', shape: [2], data: ['18446744073709551615', 2] },
        { name: 'in_int8', datatype: 'INT8', shape: [2], data: [1, 2] },
        { name: 'in_int16', datatype: 'INT16', shape: [2], data: [1, 2] },
        { name: 'in_int32', datatype: 'INT32', shape: [2], data: [1, 2] },
        { name: 'in_int64', datatype: 'INT64', shape: [2], data: [1, 2] },
        { name: 'in_fp16', datatype: 'FP16', shape: [2], data: [0.5, 2] },
        { name: 'in_fp32', datatype: 'FP32', shape: [2], data: ['NaN', 2] },
        { name: 'in_fp64', datatype: 'FP64', shape: [2], data: [1, 2] },
        { name: 'in_bytes', datatype: 'BYTES', shape: [2], data: ['mail jane.doe@example.com', 'plain'] },
      ],
      outputs: [{ name: 'out_bytes' }],
    };
    expect((await infer('dtype-zoo', zoo, 'obs-req-2')).status).toBe(200);
    const row = await logged('obs-req-2');
    expect(JSON.stringify(row)).not.toContain('jane.doe@example.com');
    expect(row.inputs.in_bytes).toEqual({ datatype: 'BYTES', shape: [2], data: ['mail [email]', 'plain'] });
    expect(row.inputs.in_bool).toEqual({ datatype: 'BOOL', shape: [2], data: [true, false] });
    expect(row.inputs.in_fp16).toEqual({ datatype: 'FP16', shape: [2], data: [0.5, 2] });
    // NaN has no JSON form: the sanitizer stores it as null
    expect(row.inputs.in_fp32).toEqual({ datatype: 'FP32', shape: [2], data: [null, 2] });
    expect(row.inputs.in_uint64).toEqual({
      datatype: 'UINT64',
      shape: [2],
      data: ['18446744073709551615', 2],
    });
    expect(row.metadata).toMatchObject({ parameters: { note: 'call [email]' } });

    const big = {
      ...zoo,
      inputs: zoo.inputs.map((i) => ({ ...i, shape: [5], data: [...i.data, ...i.data, i.data[0]] })),
    };
    expect((await infer('dtype-zoo', big, 'obs-req-3')).status).toBe(200);
    const summarised = await logged('obs-req-3');
    expect(summarised.inputs.in_bytes).toEqual({ datatype: 'BYTES', shape: [5], summary: { count: 5 } });
    expect(summarised.inputs.in_bool).toEqual({
      datatype: 'BOOL',
      shape: [5],
      summary: { count: 5, min: 0, max: 1, mean: 0.6 },
    });
    expect(summarised.inputs.in_fp32).toEqual({
      datatype: 'FP32',
      shape: [5],
      summary: { count: 5, min: 2, max: 2, mean: 2, non_finite: 3 },
    });
  });

  it('logs rejected requests (validation_failed) and graph failures (inference_failed) as errors', async () => {
    const bad = { id: 'obs-bad', inputs: [tokens, { ...step, datatype: 'INT32' }, state] };
    expect((await infer('stateful-scorer', bad, 'obs-req-4')).status).toBe(400);
    const rejected = await logged('obs-req-4');
    expect(rejected).toMatchObject({ status: 'error', error_class: 'validation_failed', source: 'v2' });
    // the tensors of a rejected request are described, not stored
    expect(rejected.inputs).toEqual({
      tokens: { datatype: 'INT64', shape: [2, 3] },
      step: { datatype: 'INT32', shape: [] },
      state: { datatype: 'FP32', shape: [2, 2] },
    });
    expect(rejected.metadata).toEqual({ id: 'obs-bad' });

    const mismatched = { inputs: [{ ...tokens, shape: [3, 2] }, step, state] };
    expect((await infer('stateful-scorer', mismatched, 'obs-req-5')).status).toBe(400);
    const failed = await logged('obs-req-5');
    expect(failed).toMatchObject({ status: 'error', error_class: 'inference_failed', source: 'v2' });
    expect(failed.inputs).toMatchObject({ step: { datatype: 'INT64', shape: [], data: [7] } });
  });

  it('meters v2 inferences in the same families as v1: rows by outcome, session and preprocessing time', async () => {
    const labels = { model: 'stateful-scorer', version: '1' };
    const before = {
      success: await metric('sightline_predictions_total', { ...labels, outcome: 'success' }),
      rejected: await metric('sightline_predictions_total', { ...labels, outcome: 'validation_failed' }),
      runs: await metric('sightline_inference_duration_seconds_count', labels),
      preprocess: await metric('sightline_preprocess_duration_seconds_count', labels),
    };
    expect((await infer('stateful-scorer', { inputs: [tokens, step, state] }, 'obs-req-6')).status).toBe(200);
    expect((await infer('stateful-scorer', { inputs: [tokens] }, 'obs-req-7')).status).toBe(400);
    // two rows: tokens and state share a leading (batch) dimension of 2
    expect(await metric('sightline_predictions_total', { ...labels, outcome: 'success' })).toBe(
      before.success + 2,
    );
    expect(await metric('sightline_predictions_total', { ...labels, outcome: 'validation_failed' })).toBe(
      before.rejected + 1,
    );
    expect(await metric('sightline_inference_duration_seconds_count', labels)).toBe(before.runs + 1);
    expect(await metric('sightline_preprocess_duration_seconds_count', labels)).toBe(before.preprocess + 1);
  });

  it('traces each inference as sightline.v2.infer under the caller, with the session run as a child', async () => {
    const res = await infer('stateful-scorer', { inputs: [tokens, step, state] }, 'obs-req-8', {
      traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`,
    });
    expect(res.status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const root = spans.find((s) => s.name === 'sightline.v2.infer') as ReadableSpan;
    expect(root.spanContext().traceId).toBe(CALLER_TRACE);
    expect(root.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(root.attributes).toMatchObject({
      'sightline.model.name': 'stateful-scorer',
      'sightline.model.version': '1',
      'sightline.protocol': 'v2',
      'sightline.request.id': 'obs-req-8',
    });
    expect(root.status.code).toBe(SpanStatusCode.UNSET);
    const run = spans.find((s) => s.name === 'sightline.inference') as ReadableSpan;
    expect(run.parentSpanContext?.spanId).toBe(root.spanContext().spanId);
    expect(run.attributes).toMatchObject({
      'sightline.model.name': 'stateful-scorer',
      'sightline.model.version': '1',
    });
  });

  it('marks the span failed with the error class for a rejected request and an unknown model', async () => {
    await infer('stateful-scorer', { inputs: [tokens] }, 'obs-req-9');
    await infer('no-such-model', { inputs: [] }, 'obs-req-10');
    const spans = exporter.getFinishedSpans().filter((s) => s.name === 'sightline.v2.infer');
    expect(
      spans.map((s) => [s.attributes['sightline.model.name'], s.status.code, s.attributes['error.type']]),
    ).toEqual([
      ['stateful-scorer', SpanStatusCode.ERROR, 'validation_failed'],
      ['no-such-model', SpanStatusCode.ERROR, 'model_not_found'],
    ]);
  });
});
