import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, ensureBuilt, freePort, startAppProcess } from '../utils/app-process';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { TcpProxy } from '../utils/tcp-proxy';
import { LOAN_ROW as row } from '../utils/demo-rows';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Clients posting predictions until stopped; the ids of every 200 are kept. */
function traffic(baseUrl: string, clients = 4) {
  const served: string[] = [];
  let stop = false;
  const run = async () => {
    while (!stop) {
      try {
        const res = await fetch(`${baseUrl}/predict`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ features: { ...row, age: 20 + (served.length % 60) } }),
        });
        if (res.status === 200) served.push(((await res.json()) as { prediction_id: string }).prediction_id);
        else await res.arrayBuffer();
      } catch {
        await sleep(5); // the process is gone or closing: no 200, nothing promised
      }
    }
  };
  const running = Array.from({ length: clients }, run);
  return {
    served,
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
    details: { prediction_log: { journal_depth: number; degraded: boolean } };
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('prediction log through a crash (built app, real process)', () => {
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
      PREDICTION_LOG_FLUSH_INTERVAL_MS: '20',
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

  it('replays after SIGKILL what the journal held: every 200 has exactly one row', async () => {
    app = await startAppProcess(env);
    const load = traffic(app.baseUrl);
    await waitFor('predictions before the cut', async () => load.served.length >= 50);
    await proxy.cut();
    const first = app;
    await waitFor('records to reach the journal', async () => {
      return (await readiness(first)).details.prediction_log.journal_depth > 0;
    });
    // more predictions, each journaled before its response
    const journaledFrom = load.served.length;
    await waitFor('predictions during the cut', async () => load.served.length >= journaledFrom + 100);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await load.stop();
    expect(readdirSync(journalRoot)).toHaveLength(1);

    await proxy.restore();
    app = await startAppProcess(env);
    const second = app;
    await waitFor('the journal to be replayed', async () => {
      const ready = await readiness(second);
      return ready.status === 'ok' && ready.details.prediction_log.journal_depth === 0;
    });
    expect(second.output()).toMatch(/journaled prediction log record\(s\) to replay/);

    const rows = await queryDb<{ id: string; n: string }>(
      db.url,
      'SELECT id, count(*) AS n FROM prediction_log GROUP BY id',
    );
    const stored = new Set(rows.map((r) => r.id));
    expect(rows.every((r) => r.n === '1')).toBe(true);
    expect(load.served.filter((id) => !stored.has(id))).toEqual([]);
  });

  it('on SIGTERM stops accepting, finishes in-flight requests and writes their records', async () => {
    const running = app!;
    const load = traffic(running.baseUrl);
    await waitFor('predictions before SIGTERM', async () => load.served.length >= 50);
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    await load.stop();
    // Nest re-raises the signal once its shutdown hooks are done, so the exit is "by SIGTERM"
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(running.output()).toMatch(/SIGTERM: finishing in-flight requests/);

    const rows = await queryDb<{ id: string }>(db.url, 'SELECT id FROM prediction_log');
    const stored = new Set(rows.map((r) => r.id));
    expect(load.served.filter((id) => !stored.has(id))).toEqual([]);
    // Postgres was up: everything was written, nothing left on disk
    expect(readdirSync(journalRoot)).toEqual([]);
  });
});
