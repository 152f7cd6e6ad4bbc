import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, ensureBuilt, startAppProcess } from '../utils/app-process';
import { Hostile, plantedPatterns, PLANTED, SCRIPT } from '../utils/hostile';
import { rng } from '../utils/rng';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { LOAN_ROW as row, HOUSE_ROW as house } from '../utils/demo-rows';

/*
 * Thousands of generated hostile requests against every route of the built app, run as a real
 * process so its log output can be read. "Unsanitized" means, precisely:
 *  - a planted e-mail, card number (in any of its planted layouts, or as digits) or phone number
 *    found verbatim in any row of any table, or anywhere in the log output;
 *  - a `__proto__`, `constructor` or `prototype` key in stored JSON;
 *  - a control character (other than tab) in a stored string, or a log line that is not one JSON
 *    object (a forged line);
 *  - a stored string longer than the sanitizer's bound (1024 chars plus its truncation marker);
 *  - a `<script` payload in the logs (request payloads are never logged) or in a typed column of
 *    prediction_log; inside the sanitized `inputs`/`metadata` JSON it is inert data, and every
 *    response that echoes it is JSON with nosniff and a `default-src 'none'` CSP (asserted).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
// the app's default BODY_LIMIT_BYTES, the smallest limit of any route
const BODY_LIMIT = 1024 * 1024;
const CONCURRENCY = 8;
const MAX_STORED_STRING = 1024 + 40;

interface Route {
  method: string;
  path: string;
}
interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}
interface Answer {
  status: number;
  type: string;
  nosniff: boolean;
  text: string;
}

describe('hostile input (fuzz, built app)', () => {
  let app: AppProcess;
  let db: { url: string; drop: () => Promise<void> };
  let journal: string;
  let key: string;
  let predictionId: string;
  const h = new Hostile(rng(SEED));

  const send = async (req: Sent): Promise<Answer> => {
    const res = await fetch(app.baseUrl + req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      nosniff: res.headers.get('x-content-type-options') === 'nosniff',
      text: await res.text(),
    };
  };
  const auth = () => ({ authorization: `Bearer ${key}` });
  const predictOk = async () => {
    const res = await send({
      method: 'POST',
      url: '/predict',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ features: row }),
    });
    return res.status;
  };

  beforeAll(async () => {
    await ensureBuilt();
    db = await createTestDatabase();
    journal = mkdtempSync(join(tmpdir(), 'sightline-fuzz-'));
    app = await startAppProcess({
      DATABASE_URL: db.url,
      DEFAULT_MODEL: 'loan-risk',
      LOG_LEVEL: 'trace',
      PREDICTION_LOG_JOURNAL_DIR: journal,
      PREDICTION_LOG_FLUSH_INTERVAL_MS: '50',
    });
    // open mode until this key exists; from here on every route needs it
    const created = await send({
      method: 'POST',
      url: '/v1/admin/keys',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fuzz', scopes: ['predict', 'feedback', 'read', 'admin'] }),
    });
    expect(created.status).toBe(201);
    key = JSON.parse(created.text).key;
    const first = await send({
      method: 'POST',
      url: '/predict',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ features: row, metadata: { email: PLANTED.emails[0] } }),
    });
    predictionId = JSON.parse(first.text).prediction_id;
  }, 180_000);

  afterAll(async () => {
    if (app?.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await db?.drop();
    rmSync(journal, { recursive: true, force: true });
  });

  /** Every route the app serves: the OpenAPI document plus the routes Fastify serves directly. */
  async function routes(): Promise<Route[]> {
    const doc = JSON.parse((await send({ method: 'GET', url: '/docs/openapi.json', headers: {} })).text) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const list = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
    );
    return [
      ...list,
      { method: 'GET', path: '/docs' },
      { method: 'GET', path: '/docs/assets/{file}' },
      { method: 'GET', path: '/docs/openapi.yaml' },
    ];
  }

  function param(name: string): string {
    if (h.chance(0.5)) {
      if (/version/.test(name)) return h.pick(['1', '2']);
      if (/id/.test(name)) return h.pick([predictionId, '0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f']);
      if (/file/.test(name)) return 'swagger-ui.css';
      return h.pick(['loan-risk', 'house-price']);
    }
    return encodeURIComponent(h.chance(0.1) ? 'p'.repeat(500) : h.string().slice(0, 300));
  }

  function base(route: Route): unknown {
    if (/feedback$/.test(route.path)) return { items: [{ prediction_id: predictionId, actual: 'repaid' }] };
    if (/\/feedback/.test(route.path))
      return { actual: 'repaid', comment: `call ${h.pii()}`, metadata: { a: 1 } };
    if (/admin\/keys/.test(route.path)) return { name: 'k', scopes: ['read'], models: ['loan-risk'] };
    if (/v2\/.*infer/.test(route.path)) {
      return { inputs: [{ name: 'age', shape: [1], datatype: 'FP32', data: [42] }] };
    }
    const features = /house-price/.test(route.path) ? house : row;
    const metadata = { customer: h.pii(), note: h.string().slice(0, 2000), [h.pii()]: SCRIPT };
    return h.chance(0.3) ? { instances: [features, features], metadata } : { features, metadata };
  }

  function request(route: Route): Sent {
    const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => param(name));
    const query = h.chance(0.2) ? `?version=${encodeURIComponent(h.string().slice(0, 200))}&version=2` : '';
    const headers: Record<string, string> = h.chance(0.03) ? {} : auth();
    if (h.chance(0.03)) headers.authorization = `Bearer ${h.pick(['', 'sl_', `${key}x`, 'a'.repeat(5000)])}`;
    if (h.chance(0.05)) headers['x-request-id'] = h.pick(['a'.repeat(200), 'id:with:colons', '../etc']);
    const sent: Sent = {
      method: h.chance(0.03) ? h.pick(['PUT', 'PATCH', 'DELETE']) : route.method,
      url: path + query,
      headers,
    };
    if (sent.method === 'GET' || sent.method === 'HEAD') return sent;

    const valid = JSON.stringify(base(route));
    headers['content-type'] = h.chance(0.06)
      ? h.pick([
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'multipart/form-data; boundary=x',
        ])
      : 'application/json';
    switch (h.int(8)) {
      case 0:
        sent.body = valid;
        break;
      case 1:
      case 2:
        sent.body = JSON.stringify(h.mutate(JSON.parse(valid)));
        break;
      case 3:
        sent.body = h.malformed(valid);
        break;
      case 4:
        sent.body = valid.replace(/^\{/, `{"deep":${h.deep(h.pick([20, 40, 1000, 100_000]))},`);
        break;
      case 5:
        sent.body = JSON.stringify(h.pick([[], 'features', 42, null, true, [valid]]));
        break;
      case 6:
        sent.body = valid.replace(/^\{/, `{"huge":"${'z'.repeat(h.pick([10_000, 900_000, 2_000_000]))}",`);
        break;
      default:
        sent.body = JSON.stringify({
          features: h.value(3),
          instances: h.chance(0.5) ? [h.value(2)] : undefined,
        });
    }
    return sent;
  }

  /** Requests a JSON client cannot make: broken HTTP straight onto the socket. */
  async function raw(payload: string): Promise<string> {
    const url = new URL(app.baseUrl);
    return new Promise((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let data = '';
      socket.setTimeout(3000, () => socket.destroy());
      socket.on('data', (d) => (data += d.toString()));
      socket.on('close', () => resolve(data.split('\r\n')[0]));
      socket.on('error', () => resolve(data.split('\r\n')[0]));
      socket.write(payload);
    });
  }

  it('answers thousands of hostile requests on every route without a 5xx, and keeps serving', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(10);
    const failures: string[] = [];
    const echoed: string[] = [];
    let done = 0;
    const worker = async () => {
      while (done < REQUESTS) {
        const n = done++;
        const sent = request(all[n % all.length]);
        const answer = await send(sent).catch((err: Error) => ({
          status: 0,
          type: '',
          nosniff: true,
          text: `${err} ${(err.cause as Error | undefined)?.message ?? ''}`,
        }));
        // a body over the limit is answered 413 before it is read, and the server then closes the
        // socket: a client still writing sees EPIPE/ECONNRESET instead of the answer
        const cut = answer.status === 0 && /EPIPE|ECONNRESET|other side closed/.test(answer.text);
        if (cut && Buffer.byteLength(String(sent.body ?? '')) > BODY_LIMIT) continue;
        if (answer.status >= 500 || answer.status === 0) {
          failures.push(
            `${answer.status} ${sent.method} ${sent.url.slice(0, 120)} ${String(sent.body).slice(0, 200)} -> ${answer.text.slice(0, 300)}`,
          );
        }
        // a planted markup payload echoed raw in anything a browser would render as HTML
        if (
          /<script>alert\("sl-canary|<img src=x onerror|<svg\/onload/.test(answer.text) &&
          (!/json/.test(answer.type) || !answer.nosniff)
        ) {
          echoed.push(`${sent.method} ${sent.url.slice(0, 80)} -> ${answer.type}`);
        }
        if (n % 250 === 0) expect(await predictOk()).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const rawFirstLines = await Promise.all([
      raw('GARBAGE / HTTP/1.1\r\n\r\n'),
      raw(
        'POST /predict HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nContent-Type: application/json\r\n\r\n{"a"',
      ),
      raw(
        'POST /predict HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      ),
      raw(`GET /v1/models HTTP/1.1\r\nHost: x\r\n${'X-A: b\r\n'.repeat(300)}\r\n`),
      raw('GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n'),
    ]);
    for (const line of rawFirstLines) expect(line).not.toMatch(/^HTTP\/1\.1 5/);
    // a header section over MAX_HEADER_BYTES is refused by Node before any of our code runs
    expect(await raw(`GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Huge: ${'h'.repeat(40_000)}\r\n\r\n`)).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    );

    expect(failures).toEqual([]);
    expect(echoed).toEqual([]);
    expect(app.child.exitCode).toBeNull();
    expect(await predictOk()).toBe(200);
  }, 600_000);

  it('stores nothing unsanitized and logs no payload', async () => {
    // let the writer finish, then stop the process so every log line is out
    for (let i = 0; i < 100; i++) {
      const ready = JSON.parse((await send({ method: 'GET', url: '/health/ready', headers: {} })).text);
      const log = ready.info?.prediction_log ?? ready.details?.prediction_log;
      if (log?.queue_depth === 0 && log?.journal_depth === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    app.child.kill('SIGTERM');
    await app.exited;

    const patterns = plantedPatterns();
    const tables = await queryDb<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'sightline_migrations'`,
    );
    let stored = 0;
    for (const { table_name } of tables) {
      const rows = await queryDb<{ j: string }>(
        db.url,
        `SELECT row_to_json(t)::text AS j FROM "${table_name}" t`,
      );
      for (const { j } of rows) {
        stored++;
        for (const p of patterns)
          expect([table_name, p.source, p.test(j)]).toEqual([table_name, p.source, false]);
        checkJson(JSON.parse(j), table_name);
      }
    }
    const logRows = await queryDb<Record<string, string | null>>(
      db.url,
      `SELECT model_name, model_version, status, error_class, predicted_label, request_id, trace_id, source FROM prediction_log`,
    );
    expect(logRows.length).toBeGreaterThan(20);
    expect(logRows.filter((r) => Object.values(r).some((v) => v?.includes('<')))).toEqual([]);
    expect(stored).toBeGreaterThan(0);

    const lines = app.output().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(REQUESTS / 2); // LOG_LEVEL=trace: a line per request answered
    const notJson = lines.filter((l) => {
      try {
        return typeof JSON.parse(l) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const text = lines.join('\n');
    for (const p of patterns) expect([p.source, p.test(text)]).toEqual([p.source, false]);
    expect(text).not.toMatch(/<script|\\u003cscript|sl-canary|DROP TABLE|onerror/i);
  }, 120_000);
});

/** Walks stored JSON: no dangerous keys, no control characters, bounded strings. */
function checkJson(value: unknown, where: string, path = ''): void {
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex -- control characters are what we look for
    expect([where, path, /[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/.test(value)]).toEqual([
      where,
      path,
      false,
    ]);
    expect([where, path, value.length <= MAX_STORED_STRING]).toEqual([where, path, true]);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    expect([where, path, k]).not.toEqual([
      where,
      path,
      expect.stringMatching(/^(__proto__|constructor|prototype)$/),
    ]);
    checkJson(typeof v === 'string' && /^[[{]/.test(v) ? tryParse(v) : v, where, `${path}.${k}`);
    checkJson(k, where, `${path}.<key>`);
  }
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
