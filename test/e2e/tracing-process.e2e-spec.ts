import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo, createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MODELS, REPO_ROOT } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-database';
import { SERVER_ARGS } from '../../scripts/lib/server-args';

// The auto-instrumentations (http, @fastify/otel, pg) only patch a real process: this suite runs
// the built server exactly as `npm start` does and receives its spans over OTLP/HTTP (JSON).

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  scope: string;
  attributes: Record<string, unknown>;
}

/** A loopback OTLP/HTTP receiver for traces, JSON encoding. */
class OtlpReceiver {
  readonly spans: OtlpSpan[] = [];
  requests = 0;
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        this.requests++;
        if (req.url === '/v1/traces') this.collect(JSON.parse(body));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private collect(payload: {
    resourceSpans: {
      scopeSpans: {
        scope: { name: string };
        spans: (Omit<OtlpSpan, 'scope' | 'attributes'> & {
          attributes?: { key: string; value: Record<string, unknown> }[];
        })[];
      }[];
    }[];
  }): void {
    for (const rs of payload.resourceSpans) {
      for (const ss of rs.scopeSpans) {
        for (const s of ss.spans) {
          const attributes = Object.fromEntries(
            (s.attributes ?? []).map((a) => [a.key, Object.values(a.value)[0]]),
          );
          this.spans.push({ ...s, scope: ss.scope.name, attributes });
        }
      }
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function eventually<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const cleanExit = (exit: Exit): boolean =>
  (exit.code === 0 && exit.signal === null) || (exit.code === null && exit.signal === 'SIGTERM');

/** The built server as a child process, its stdout kept line by line. */
class ServerProcess {
  readonly lines: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<Exit>;
  port = 0;

  async start(env: Record<string, string>): Promise<void> {
    this.port = await freePort();
    this.child = spawn(process.execPath, [...SERVER_ARGS], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(this.port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) =>
      this.child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let partial = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
    });
    let stderr = '';
    this.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await Promise.race([
      eventually(
        'the server to listen',
        () => (this.lines.some((l) => l.includes('listening')) ? true : undefined),
        60_000,
      ),
      this.exited.then(({ code, signal }) => {
        throw new Error(`server exited (${code ?? signal}): ${stderr}`);
      }),
    ]);
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  json(): Record<string, unknown>[] {
    return this.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** SIGTERM, then the exit: Nest re-raises the signal once its shutdown hooks have finished. */
  async stop(): Promise<Exit> {
    if (this.child?.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited!;
  }
}

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
// a distinctive raw value: it must reach no log line
const features = {
  age: 42,
  income: 987654.5,
  loan_amount: 12000,
  credit_score: 690,
  employment: 'employed',
  home_ownership: 'rent',
};

function predict(server: ServerProcess, traceparent?: string): Promise<Response> {
  return fetch(server.url('/v1/models/loan-risk/predict'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(traceparent && { traceparent }) },
    body: JSON.stringify({ features }),
  });
}

describe('tracing in the built server (e2e)', () => {
  let drops: (() => Promise<void>)[] = [];
  let journalDir: string;

  async function baseEnv(): Promise<Record<string, string>> {
    const db = await createTestDatabase();
    drops.push(db.drop);
    return {
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATABASE_URL: db.url,
      MODELS_DIR: DEMO_MODELS,
      LOG_LEVEL: 'info',
      SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
      PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
      PREDICTION_LOG_JOURNAL_DIR: join(journalDir, String(drops.length)),
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
  }

  beforeAll(() => {
    journalDir = mkdtempSync(join(tmpdir(), 'sightline-tracing-'));
    // `npm test` builds first; a lone jest run builds when dist/ is missing
    if (
      !existsSync(join(REPO_ROOT, 'dist/src/main.js')) ||
      !existsSync(join(REPO_ROOT, 'dist/src/instrumentation.js'))
    ) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: REPO_ROOT,
      });
    }
  });

  afterAll(async () => {
    for (const drop of drops) await drop();
    drops = [];
    rmSync(journalDir, { recursive: true, force: true });
  });

  describe('with tracing on', () => {
    const receiver = new OtlpReceiver();
    const server = new ServerProcess();
    let requestId: string;
    let predictionId: string;
    let openMetrics: Response;
    let openMetricsBody: string;
    let exit: Exit;

    beforeAll(async () => {
      const endpoint = await receiver.start();
      await server.start({
        ...(await baseEnv()),
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'sightline-under-test',
        // nothing leaves before shutdown: what the receiver holds afterwards was flushed by it
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      });
      const res = await predict(server, `00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-trace-id')).toBe(CALLER_TRACE);
      requestId = res.headers.get('x-request-id')!;
      predictionId = ((await res.json()) as { prediction_id: string }).prediction_id;
      openMetrics = await fetch(server.url('/metrics'), {
        headers: { accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' },
      });
      openMetricsBody = await openMetrics.text();
      exit = await server.stop();
    });

    afterAll(async () => {
      await server.stop();
      await receiver.stop();
    });

    it('exits cleanly on SIGTERM, flushing its spans over OTLP on the way out', () => {
      expect(cleanExit(exit)).toBe(true);
      expect(receiver.spans.filter((s) => s.traceId === CALLER_TRACE).length).toBeGreaterThan(0);
      // scrapes and probes are not traced, and no query runs outside traced work
      expect(receiver.spans.filter((s) => s.attributes['url.path'] === '/metrics')).toEqual([]);
    });

    it('exports HTTP → predict → inference and the pg insert of its log record under the caller’s trace', () => {
      // the batch goes in by COPY, which the pg instrumentation does not see: Sightline spans it itself
      const insert = receiver.spans.find(
        (s) =>
          s.kind === 3 &&
          s.attributes['db.system.name'] === 'postgresql' &&
          String(s.attributes['db.query.text']).startsWith('COPY prediction_log ('),
      );
      expect(insert).toBeDefined();
      expect(insert!.name).toBe('COPY prediction_log');
      const byId = new Map(receiver.spans.map((s) => [s.spanId, s]));
      // walk from the insert up to the caller's span: one unbroken chain of parents
      const chain: OtlpSpan[] = [];
      for (let s: OtlpSpan | undefined = insert; s; s = byId.get(s.parentSpanId ?? '')) chain.push(s);
      expect(chain.at(-1)!.parentSpanId).toBe(CALLER_SPAN);
      expect(chain.map((s) => s.name)).toEqual(
        expect.arrayContaining([
          'sightline.prediction_log.write',
          'sightline.enqueue_log',
          'sightline.predict',
          'POST /v1/models/:name/predict',
        ]),
      );
      const serverSpan = chain.at(-1)!;
      // Fastify's instrumentation makes the server span (Node's http one is off by default)
      expect(serverSpan.scope).toBe('@fastify/otel');
      expect(serverSpan.name).toBe('POST /v1/models/:name/predict');
      expect(serverSpan.kind).toBe(2);
      expect(serverSpan.attributes['http.route']).toBe('/v1/models/:name/predict');
      expect(serverSpan.attributes['http.response.status_code']).toBe(200);

      const predictSpan = chain.find((s) => s.name === 'sightline.predict')!;
      expect(predictSpan.attributes).toMatchObject({
        'sightline.model.name': 'loan-risk',
        'sightline.model.version': '2',
        'sightline.prediction.id': predictionId,
      });
      const inference = receiver.spans.find((s) => s.name === 'sightline.inference');
      expect(inference?.parentSpanId).toBe(predictSpan.spanId);
      // the insert's parameters (the sanitized inputs) are not copied into the span
      expect(JSON.stringify(insert!.attributes)).not.toContain('987654');
    });

    it('writes one line for the request carrying its request id and trace id, and no raw inputs', () => {
      const lines = server.json().filter((l) => l.msg === 'request completed' && l.request_id === requestId);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        level: 'info',
        trace_id: CALLER_TRACE,
        route: '/v1/models/:name/predict',
        method: 'POST',
        status: 200,
        model: 'loan-risk',
      });
      expect(lines[0].span_id).toMatch(/^[0-9a-f]{16}$/);
      expect(typeof lines[0].duration_ms).toBe('number');
      const ofRequest = server.json().filter((l) => l.request_id === requestId);
      expect(ofRequest.every((l) => l.trace_id === CALLER_TRACE)).toBe(true);
      expect(server.lines.join('\n')).not.toContain('987654');
    });

    it('shows the trace as an exemplar in an OpenMetrics scrape, and leaves /metrics untraced', () => {
      expect(openMetrics.headers.get('content-type')).toContain('application/openmetrics-text');
      for (const family of [
        'sightline_http_request_duration_seconds',
        'sightline_inference_duration_seconds',
      ]) {
        const exemplar = openMetricsBody
          .split('\n')
          .find((l) => l.startsWith(`${family}_bucket{`) && l.includes(`# {trace_id="${CALLER_TRACE}"}`));
        expect(exemplar).toBeDefined();
      }
      expect(openMetrics.headers.get('x-trace-id')).toBeNull();
    });
  });

  describe('with OTEL_SDK_DISABLED=true', () => {
    const receiver = new OtlpReceiver();
    const server = new ServerProcess();

    afterAll(async () => {
      await server.stop();
      await receiver.stop();
    });

    it('serves predictions, exports nothing and returns no trace id', async () => {
      const endpoint = await receiver.start();
      await server.start({
        ...(await baseEnv()),
        OTEL_SDK_DISABLED: 'true',
        OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      });
      const res = await predict(server, `00-${CALLER_TRACE}-${CALLER_SPAN}-01`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-trace-id')).toBeNull();
      const requestId = res.headers.get('x-request-id');
      // an SDK would flush everything at shutdown: after a clean exit, silence means none ran
      expect(cleanExit(await server.stop())).toBe(true);
      expect(receiver.requests).toBe(0);
      const line = server.json().find((l) => l.msg === 'request completed' && l.request_id === requestId);
      expect(line).toMatchObject({ status: 200, model: 'loan-risk' });
      expect(line).not.toHaveProperty('trace_id');
    });
  });
});
