import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { PredictionLogWriter } from '../../src/prediction-log/writer/prediction-log.writer';
import { DEMO_MODELS } from '../utils/test-app';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { TcpProxy } from '../utils/tcp-proxy';
import { LOAN_ROW as row } from '../utils/demo-rows';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('prediction log through a database outage (e2e)', () => {
  let app: NestFastifyApplication;
  let proxy: TcpProxy;
  let db: { url: string; drop: () => Promise<void> };
  let journalRoot: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    journalRoot = mkdtempSync(join(tmpdir(), 'sightline-outage-'));
    app = await createApp(
      loadConfig({
        MODELS_DIR: DEMO_MODELS,
        LOG_LEVEL: 'silent',
        DEFAULT_MODEL: 'loan-risk',
        SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
        PREDICTION_LOG_FLUSH_INTERVAL_MS: '20',
        PREDICTION_LOG_BATCH_SIZE: '50',
        PREDICTION_LOG_JOURNAL_DIR: journalRoot,
        PREDICTION_LOG_JOURNAL_SEGMENT_BYTES: String(64 * 1024), // several segments in a few seconds
        DATABASE_URL: TcpProxy.via(db.url, port),
      }),
    );
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    await proxy.cut();
    await db.drop();
    rmSync(journalRoot, { recursive: true, force: true });
  });

  it('gives every prediction that got a 200 exactly one row, through a cut and a restore', async () => {
    const served: string[] = [];
    let stop = false;
    let failures = 0;
    const client = async () => {
      while (!stop) {
        const batch = served.length % 3 === 0;
        const res = await app.inject({
          method: 'POST',
          url: batch ? '/v1/models/loan-risk/predict' : '/predict',
          payload: batch ? { instances: [row, { ...row, age: 30 }] } : { features: row },
        });
        if (res.statusCode !== 200) {
          failures++;
          continue;
        }
        const body = res.json();
        if (batch) served.push(...body.predictions.map((p: { prediction_id: string }) => p.prediction_id));
        else served.push(body.prediction_id);
        await sleep(2);
      }
    };
    const clients = Array.from({ length: 4 }, client);

    await sleep(800);
    const beforeCut = served.length;
    await proxy.cut();
    await sleep(2500);
    const ready = (await app.inject({ method: 'GET', url: '/health/ready' })).json();
    expect(ready.error.database.status).toBe('down');
    // predictions are served and their records journaled on disk, not held in memory
    expect(ready.details.prediction_log).toMatchObject({ status: 'up', degraded: true, queue_depth: 0 });
    expect(ready.details.prediction_log.journal_depth).toBeGreaterThan(0);
    expect(readdirSync(join(journalRoot)).length).toBe(1);
    const duringOutage = served.length - beforeCut;

    await proxy.restore();
    await sleep(1500);
    stop = true;
    await Promise.all(clients);
    await app.get(PredictionLogWriter).drain(10_000);

    expect(failures).toBe(0);
    // served while the database was unreachable: how many depends on the machine, that some were does not
    expect(duringOutage).toBeGreaterThan(0);
    const rows = await queryDb<{ id: string }>(db.url, 'SELECT id FROM prediction_log');
    const stored = new Set(rows.map((r) => r.id));
    expect(rows.length).toBe(stored.size);
    expect(served.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(served.length); // nothing but these predictions was logged

    const after = (await app.inject({ method: 'GET', url: '/health/ready' })).json();
    expect(after.status).toBe('ok');
    expect(after.info.prediction_log).toMatchObject({ degraded: false, journal_depth: 0 });
    // what the outage journaled is gone; the write-ahead segment in use stays, within its size
    expect(after.info.prediction_log.journal_bytes).toBeLessThanOrEqual(64 * 1024);
  });
});
