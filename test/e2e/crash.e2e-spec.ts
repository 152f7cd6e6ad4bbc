import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, ensureBuilt, freePort, startAppProcess } from '../utils/app-process';
import { HOUSE_ROW, LOAN_ROW } from '../utils/demo-rows';
import { rng } from '../utils/rng';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { TcpProxy } from '../utils/tcp-proxy';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Clients posting predictions until stopped, a single row, a batch or a v2 inference in turn;
 * the ids of every prediction answered 200 are kept (v2 answers carry the request id).
 */
let trafficRuns = 0;

function traffic(baseUrl: string, clients: number) {
  // request ids unique across runs, so one run's record cannot stand in for another's
  const run = ++trafficRuns;
  const served: string[] = [];
  const v2: string[] = [];
  let stop = false;
  let n = 0;
  const post = (path: string, body: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const once = async (i: number): Promise<void> => {
    if (i % 5 === 4) {
      const res = await post('/v1/models/house-price/predict', { instances: [HOUSE_ROW, HOUSE_ROW] });
      if (res.status !== 200) return void (await res.arrayBuffer());
      served.push(
        ...((await res.json()) as { predictions: { prediction_id: string }[] }).predictions.map(
          (p) => p.prediction_id,
        ),
      );
    } else if (i % 5 === 3) {
      const requestId = `crash-v2-${run}-${i}`;
      const res = await fetch(`${baseUrl}/v2/models/loan-risk/versions/2/infer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({
          inputs: [
            {
              name: 'input',
              datatype: 'FP32',
              shape: [1, 12],
              data: [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0],
            },
          ],
        }),
      });
      await res.arrayBuffer();
      if (res.status === 200) v2.push(requestId);
    } else {
      const res = await post('/predict', { features: { ...LOAN_ROW, age: 20 + (i % 60) } });
      if (res.status !== 200) return void (await res.arrayBuffer());
      served.push(((await res.json()) as { prediction_id: string }).prediction_id);
    }
  };
  const client = async () => {
    while (!stop) {
      try {
        await once(n++);
      } catch {
        await sleep(5); // the process is gone or closing: no 200, nothing promised
      }
    }
  };
  const running = Array.from({ length: clients }, client);
  return {
    served,
    v2,
    stop: async () => {
      stop = true;
      await Promise.all(running);
    },
  };
}

async function readiness(app: AppProcess) {
  const res = await fetch(`${app.baseUrl}/health/ready`);
  return (await res.json()) as {
    status: string;
    details: { prediction_log: { journal_depth: number; degraded: boolean; recovering: boolean } };
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('prediction log through crashes (built app, real processes, real Postgres)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let proxy: TcpProxy;
  let journalRoot: string;
  let env: Record<string, string>;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const proxyPort = await proxy.start();
    journalRoot = mkdtempSync(join(tmpdir(), 'sightline-crash-'));
    env = {
      DATABASE_URL: TcpProxy.via(db.url, proxyPort),
      PORT: String(await freePort()),
      DEFAULT_MODEL: 'loan-risk',
      LOG_LEVEL: 'info',
      PERFORMANCE_INTERVAL_SECONDS: '0',
      DRIFT_SCHEDULE_ENABLED: 'false',
      PREDICTION_LOG_JOURNAL_DIR: journalRoot,
      PREDICTION_LOG_JOURNAL_FSYNC: 'interval',
    };
  }, 120_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    await proxy.cut();
    await db.drop();
    rmSync(journalRoot, { recursive: true, force: true });
  });

  /** Every acknowledged prediction is in the log once, and nothing else was logged twice. */
  async function expectExactlyOnce(served: string[], v2: string[]): Promise<void> {
    const duplicated = await queryDb(db.url, 'SELECT id FROM prediction_log GROUP BY id HAVING count(*) > 1');
    expect(duplicated).toEqual([]);
    const rows = await queryDb<{ id: string }>(
      db.url,
      'SELECT id FROM prediction_log WHERE id = ANY($1::uuid[])',
      [served],
    );
    const stored = new Set(rows.map((r) => r.id));
    expect(served.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(new Set(served).size);
    const v2Rows = await queryDb<{ request_id: string }>(
      db.url,
      `SELECT request_id FROM prediction_log WHERE source = 'v2' AND request_id = ANY($1::text[])`,
      [v2],
    );
    // as for v1, a request killed after its record was journaled and before its answer left is
    // logged without a 200 (several at once when v2 requests share a batch): only a 200 must be there
    const logged = new Set(v2Rows.map((r) => r.request_id));
    expect(v2.filter((id) => !logged.has(id))).toEqual([]);
    expect(v2Rows.length).toBe(logged.size);
  }

  it('keeps every 200 exactly once through 20 SIGKILLs under 16 clients, some with Postgres cut too', async () => {
    const random = rng(16);
    const served: string[] = [];
    const v2: string[] = [];
    let killedWhileCut = 0;
    for (let round = 0; round < 20; round++) {
      app = await startAppProcess(env);
      const load = traffic(app.baseUrl, 16);
      // every fourth round Postgres goes away mid-load first: the kill then finds records that
      // only the journal holds
      const cut = round % 4 === 3;
      const before = served.length + load.served.length;
      await sleep(200 + random() * 900);
      if (cut) {
        await proxy.cut();
        await sleep(100 + random() * 600);
        killedWhileCut++;
      }
      app.child.kill('SIGKILL');
      expect((await app.exited).signal).toBe('SIGKILL');
      await load.stop();
      served.push(...load.served);
      v2.push(...load.v2);
      expect(served.length).toBeGreaterThan(before); // every round acknowledged predictions
      if (cut) await proxy.restore();
    }
    expect(killedWhileCut).toBe(5);

    app = await startAppProcess(env);
    const last = app;
    await waitFor(
      'the journal to be replayed',
      async () => {
        const ready = await readiness(last);
        return ready.status === 'ok' && ready.details.prediction_log.journal_depth === 0;
      },
      60_000,
    );
    await expectExactlyOnce(served, v2);
    expect(served.length).toBeGreaterThan(1000);
  }, 240_000);

  it('on SIGTERM stops accepting, finishes in-flight requests, writes their records and its last log lines', async () => {
    const running = app!;
    const load = traffic(running.baseUrl, 4);
    await waitFor('predictions before SIGTERM', async () => load.served.length >= 50);
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    await load.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const output = running.output();
    expect(output).toMatch(/SIGTERM: finishing in-flight requests/);
    // the line written just before exit: pino's asynchronous destination is flushed on the way out
    expect(output).toMatch(/prediction log flushed; shutting down/);

    const rows = await queryDb<{ id: string }>(
      db.url,
      'SELECT id FROM prediction_log WHERE id = ANY($1::uuid[])',
      [load.served],
    );
    expect(rows).toHaveLength(new Set(load.served).size);
    // Postgres was up: everything was written, nothing left on disk
    expect(readdirSync(journalRoot)).toEqual([]);
  });
});
