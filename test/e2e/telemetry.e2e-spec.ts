import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../utils/test-tracer';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register as globalRegistry } from 'prom-client';
import { PredictionLogWriter } from '../../src/prediction-log/writer/prediction-log.writer';
import { JobMetrics } from '../../src/telemetry/job.metrics';
import { DEMO_MODELS, REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';

// a recording tracer, so requests carry sampled traces and the histograms get exemplars
const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  exemplar?: { labels: Record<string, string>; value: number };
}

function parseLabels(raw: string | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of (raw ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[m[1]] = m[2];
  return labels;
}

/** Samples of a Prometheus text or OpenMetrics exposition (exemplars included). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*?)\})? (\S+)(?: # \{(.*?)\} (\S+).*)?$/.exec(line);
    if (!m) continue;
    samples.push({
      name: m[1],
      labels: parseLabels(m[2]),
      value: Number(m[3]),
      exemplar: m[4] === undefined ? undefined : { labels: parseLabels(m[4]), value: Number(m[5]) },
    });
  }
  return samples;
}

function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    ?.value;
}

/** The families docs/metrics.md lists under a heading. */
function documentedFamilies(heading: string): string[] {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'metrics.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith(heading)) ?? '';
  return [...section.matchAll(/^\| `(sightline_\w+)`/gm)].map((m) => m[1]);
}

const features = {
  age: 42,
  income: 52000,
  loan_amount: 12000,
  credit_score: 690,
  employment: 'employed',
  home_ownership: 'rent',
};
const TRACE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe('telemetry (e2e)', () => {
  let t: TestApp;
  let modelsDir: string;
  let plain: Sample[];
  let plainText: string;
  let tracesOfTraffic: Set<string>;

  const scrape = (accept?: string) =>
    t.app.inject({ method: 'GET', url: '/metrics', headers: accept ? { accept } : {} });

  beforeAll(async () => {
    // the demo models plus one whose graph cannot load
    modelsDir = mkdtempSync(join(tmpdir(), 'sightline-telemetry-'));
    cpSync(join(DEMO_MODELS, 'loan-risk'), join(modelsDir, 'loan-risk'), { recursive: true });
    cpSync(join(DEMO_MODELS, 'house-price'), join(modelsDir, 'house-price'), { recursive: true });
    mkdirSync(join(modelsDir, 'broken', '1'), { recursive: true });
    writeFileSync(join(modelsDir, 'broken', '1', 'model.onnx'), 'not an onnx graph');
    t = await startTestApp({ MODELS_DIR: modelsDir });

    const predict = (url: string, body: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload: body as object, headers });
    const traced = { traceparent: `00-${TRACE}-00f067aa0ba902b7-01` };
    expect((await predict('/v1/models/loan-risk/predict', { features }, traced)).statusCode).toBe(200);
    expect(
      (await predict('/v1/models/loan-risk/predict', { instances: [features, features] })).statusCode,
    ).toBe(200);
    expect((await predict('/predict', { features })).statusCode).toBe(200);
    const invalid = await predict('/v1/models/loan-risk/predict', { features: { ...features, age: 'x' } });
    expect(invalid.statusCode).toBe(422);
    expect((await predict('/v1/models/does-not-exist/predict', { features })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/no/such/path/12345' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    await t.flushLogs();
    // drain() returns as soon as memory is empty; a timer's batch may still be in flight
    await t.app.get(PredictionLogWriter).flush();
    tracesOfTraffic = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));

    const res = await scrape();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    plainText = res.body;
    plain = parse(plainText);
  });

  afterAll(async () => {
    await t?.close();
    await provider.shutdown();
    rmSync(modelsDir, { recursive: true, force: true });
  });

  it('exports every HTTP, inference and log pipeline family of docs/metrics.md, and the job families', () => {
    const families = [
      ...documentedFamilies('HTTP'),
      ...documentedFamilies('Inference'),
      ...documentedFamilies('Prediction log pipeline'),
      'sightline_job_last_success_timestamp_seconds',
      'sightline_job_runs_total',
    ];
    expect(families.length).toBeGreaterThanOrEqual(21);
    const declared = [...plainText.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => m[1]);
    expect(declared).toEqual(expect.arrayContaining(families));
  });

  it('counts requests by route template, method, status class and model', () => {
    const http = (labels: Record<string, string>) => value(plain, 'sightline_http_requests_total', labels);
    const route = '/v1/models/:name/predict';
    expect(http({ route, method: 'POST', status_class: '2xx', model: 'loan-risk' })).toBe(2);
    expect(http({ route, method: 'POST', status_class: '4xx', model: 'loan-risk' })).toBe(1);
    expect(http({ route: '/predict', method: 'POST', status_class: '2xx', model: 'loan-risk' })).toBe(1);
    // a model the registry does not know cannot mint a series; neither can a URL no route matches
    expect(http({ route, status_class: '4xx', model: 'unknown' })).toBe(1);
    expect(http({ route: 'unmatched', method: 'GET', status_class: '4xx', model: '' })).toBe(1);
    expect(http({ route: '/health/live', status_class: '2xx', model: '' })).toBe(1);
    expect(plainText).not.toContain('does-not-exist');
    expect(plainText).not.toContain('12345');
    expect(
      value(plain, 'sightline_http_request_duration_seconds_count', { route, status_class: '2xx' }),
    ).toBe(2);
    // the first bucket sits below a millisecond, the last well above a second
    const les = plain
      .filter((s) => s.name === 'sightline_http_request_duration_seconds_bucket')
      .map((s) => s.labels.le);
    expect(les).toEqual(expect.arrayContaining(['0.000025', '10', '+Inf']));
  });

  it('counts predicted rows by outcome and times preprocessing, inference and batches per model version', () => {
    const v2 = { model: 'loan-risk', version: '2' };
    expect(value(plain, 'sightline_predictions_total', { ...v2, outcome: 'success' })).toBe(4);
    expect(value(plain, 'sightline_predictions_total', { ...v2, outcome: 'validation_failed' })).toBe(1);
    expect(value(plain, 'sightline_inference_duration_seconds_count', v2)).toBe(3);
    expect(value(plain, 'sightline_preprocess_duration_seconds_count', v2)).toBe(3);
    expect(value(plain, 'sightline_batch_size_sum', v2)).toBe(4);
    expect(value(plain, 'sightline_batch_queue_wait_seconds_count', v2)).toBe(3);
  });

  it('shows loaded versions, readiness and load failures', () => {
    expect(
      value(plain, 'sightline_model_info', {
        model: 'loan-risk',
        version: '2',
        default: 'true',
        task: 'classification',
      }),
    ).toBe(1);
    expect(value(plain, 'sightline_model_info', { model: 'loan-risk', version: '1', default: 'false' })).toBe(
      1,
    );
    expect(value(plain, 'sightline_model_info', { model: 'house-price', task: 'regression' })).toBe(1);
    expect(value(plain, 'sightline_model_info', { model: 'broken' })).toBeUndefined();
    expect(value(plain, 'sightline_model_ready', { model: 'loan-risk', version: '1' })).toBe(1);
    expect(value(plain, 'sightline_model_ready', { model: 'broken', version: '1' })).toBe(0);
    expect(value(plain, 'sightline_model_load_failures_total', { model: 'broken' })).toBe(1);
    expect(value(plain, 'sightline_model_load_failures_total', { model: 'loan-risk' })).toBe(0);
  });

  it('counts the prediction log pipeline and the database pool', () => {
    // 4 successful rows and 1 validation failure were logged (the unknown model is not a prediction)
    expect(value(plain, 'sightline_prediction_log_queued_total')).toBe(5);
    expect(value(plain, 'sightline_prediction_log_written_total')).toBe(5);
    expect(value(plain, 'sightline_prediction_log_failed_total')).toBe(0);
    expect(value(plain, 'sightline_prediction_log_dropped_total', { reason: 'journal_full' })).toBe(0);
    expect(value(plain, 'sightline_prediction_log_queue_depth')).toBe(0);
    expect(value(plain, 'sightline_prediction_log_write_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(plain, 'sightline_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(value(plain, 'sightline_db_pool_connections', { state: 'waiting' })).toBe(0);
  });

  it('exports the process and Node.js runtime metrics under the sightline_ prefix', () => {
    for (const name of [
      'sightline_process_cpu_seconds_total',
      'sightline_process_resident_memory_bytes',
      'sightline_nodejs_eventloop_lag_seconds',
      'sightline_nodejs_heap_size_used_bytes',
    ]) {
      expect(value(plain, name)).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps every family on the app registry, none on prom-client global one', async () => {
    expect(await globalRegistry.metrics()).not.toContain('sightline_');
  });

  it('counts job runs and the time of the last success, tracing runs handed to JobMetrics', async () => {
    // the scheduled jobs may run on their own too: compare counts before and after
    const runs = async () => {
      const samples = parse((await scrape()).body);
      return (job: string, outcome: string) =>
        value(samples, 'sightline_job_runs_total', { job, outcome }) ?? 0;
    };
    const jobs = t.app.get(JobMetrics);
    const before = await runs();
    const startedAt = Date.now() / 1000;
    exporter.reset();
    jobs.succeeded('drift');
    await expect(jobs.run('performance', () => Promise.reject(new Error('no labels yet')))).rejects.toThrow(
      'no labels yet',
    );
    await expect(jobs.run('performance', () => Promise.resolve(7))).resolves.toBe(7);
    const after = await runs();
    expect(after('drift', 'success') - before('drift', 'success')).toBe(1);
    expect(after('performance', 'failure') - before('performance', 'failure')).toBe(1);
    expect(after('performance', 'success') - before('performance', 'success')).toBe(1);
    const samples = parse((await scrape()).body);
    const last = value(samples, 'sightline_job_last_success_timestamp_seconds', { job: 'drift' })!;
    expect(last).toBeGreaterThanOrEqual(Math.floor(startedAt));
    const spans = exporter.getFinishedSpans().filter((s) => s.name === 'sightline.job.performance');
    expect(spans.map((s) => s.status.code)).toEqual(expect.arrayContaining([2, 0]));
    expect(spans.every((s) => s.attributes['sightline.job.name'] === 'performance')).toBe(true);
  });

  it('serves OpenMetrics with trace-id exemplars on the latency histograms when the scraper asks', async () => {
    const res = await scrape(
      'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1',
    );
    expect(res.headers['content-type']).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(res.body.endsWith('# EOF\n')).toBe(true);
    const om = parse(res.body);
    const withExemplar = (name: string) =>
      om.filter((s) => s.name === name && s.exemplar?.labels.trace_id === TRACE);
    const http = withExemplar('sightline_http_request_duration_seconds_bucket');
    expect(http.map((s) => s.labels.route)).toContain('/v1/models/:name/predict');
    expect(http[0].exemplar!.value).toBeGreaterThan(0);
    // each bucket keeps its latest sample: later requests (traces of their own) may have replaced ours
    const inference = om.filter(
      (s) => s.name === 'sightline_inference_duration_seconds_bucket' && s.exemplar,
    );
    expect(inference.length).toBeGreaterThanOrEqual(1);
    for (const s of inference) expect(tracesOfTraffic).toContain(s.exemplar!.labels.trace_id);
    // OpenMetrics names the counter family without _total and its samples with it
    expect(res.body).toContain('# TYPE sightline_http_requests counter');
    expect(value(om, 'sightline_http_requests_total', { route: '/predict' })).toBe(1);

    // and a plain scrape afterwards is untouched by the OpenMetrics rendering
    const again = await scrape('text/plain');
    expect(again.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(again.body).toContain('# TYPE sightline_http_requests_total counter');
    expect(again.body).not.toContain(' # {trace_id=');
  });
});
