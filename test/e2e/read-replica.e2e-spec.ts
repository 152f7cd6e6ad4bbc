import { LOAN_ROW } from '../utils/demo-rows';
import { startStreamingReplica, StreamingReplica } from '../utils/streaming-replica';
import { startTestApp, TestApp } from '../utils/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('monitoring reads on a real streaming replica (e2e)', () => {
  let replica: StreamingReplica;
  let t: TestApp;
  let database = '';

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const metric = async (name: string, labels = ''): Promise<number | undefined> => {
    const line = (await get('/metrics')).body
      .split('\n')
      .find((l) => l.startsWith(labels ? `${name}{${labels}}` : `${name} `));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };
  // a standby backend may hold its table statistics up to 10 s before they show: be patient
  const until = async (what: string, check: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const predict = async (n: number): Promise<string[]> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/predict?version=2',
      payload: { instances: Array.from({ length: n }, (_, i) => ({ ...LOAN_ROW, age: 20 + (i % 60) })) },
    });
    expect(res.statusCode).toBe(200);
    await t.flushLogs();
    return res.json().predictions.map((p: { prediction_id: string }) => p.prediction_id);
  };
  const driftRun = async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/models/loan-risk/drift/runs?version=2&window=1h',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; sample_sizes: { current: number } };
  };
  const listedRuns = async (): Promise<string[]> =>
    (await get('/v1/models/loan-risk/drift/runs')).json().items.map((r: { id: string }) => r.id);
  /** Scans of the log's table on the replica: only Sightline's monitoring reads make them there. */
  const replicaScans = async (): Promise<number> => {
    const rows = await replica.query<{ n: number }>(
      `SELECT (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int AS n FROM pg_stat_user_tables
       WHERE relname = 'prediction_log'`,
      [],
      database,
    );
    return rows[0]?.n ?? 0;
  };
  const fallbacks = (reader: string, reason: string) =>
    metric('sightline_db_read_fallbacks_total', `reader="${reader}",reason="${reason}"`);

  beforeAll(async () => {
    replica = await startStreamingReplica();
    t = await startTestApp(
      {
        DRIFT_SCHEDULE_ENABLED: 'false',
        PERFORMANCE_INTERVAL_SECONDS: '0',
        DATABASE_READ_CHECK_INTERVAL_MS: '100',
        DATABASE_READ_WAIT_MS: '2000',
      },
      (url) => {
        database = new URL(url).pathname.slice(1);
        return { DATABASE_READ_URL: replica.url(database) };
      },
    );
    // the database and its migrations reach the replica by streaming, like every other write
    await until('the replica', async () => (await metric('sightline_db_replica_up')) === 1);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await replica?.stop();
  }, 60_000);

  it('reads windows, performance and lookups from the replica, which holds what the primary wrote', async () => {
    const ids = await predict(40);
    for (const id of ids.slice(0, 10)) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/v1/predictions/${id}/feedback`,
        payload: { actual: 'repaid' },
      });
      expect(res.statusCode).toBe(201);
    }
    let scans = await replicaScans();
    const run = await driftRun();
    expect(run.sample_sizes.current).toBe(40);
    await until('the drift window scanned on the replica', async () => (await replicaScans()) > scans);
    scans = await replicaScans();
    const performance = (await get('/v1/models/loan-risk/performance?window=1h&version=2')).json();
    expect(performance).toMatchObject({ predictions: 40, labelled: 10 });
    await until('performance scanned on the replica', async () => (await replicaScans()) > scans);
    scans = await replicaScans();
    expect((await get(`/v1/predictions/${ids[0]}`)).statusCode).toBe(200);
    await until('the lookup on the replica', async () => (await replicaScans()) > scans);
    // no read had to go to the primary, and the replica saw Sightline's read connections
    expect(await metric('sightline_db_read_fallbacks_total')).toBeUndefined();
    const sessions = await replica.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'sightline-read' AND datname = $1`,
      [database],
    );
    expect(sessions[0].n).toBeGreaterThan(0);
    expect(await metric('sightline_db_replica_lag_seconds')).toBe(0);
  }, 120_000);

  it('exports the lag while replay is paused; a window waits, then reads the primary rather than miss rows', async () => {
    const before = await listedRuns();
    await replica.query('SELECT pg_wal_replay_pause()');
    try {
      const fresh = await predict(25);
      await until('a measured lag', async () => ((await metric('sightline_db_replica_lag_bytes')) ?? 0) > 0);
      await until('lag seconds', async () => ((await metric('sightline_db_replica_lag_seconds')) ?? 0) > 0);

      // the window must hold the 25 rows the replica has not replayed: it reads the primary
      const run = await driftRun();
      expect(run.sample_sizes.current).toBe(65);
      expect(await fallbacks('drift_window', 'behind_window')).toBe(1);
      // dashboards' reads may trail: the run just stored is not on the paused replica yet
      expect(await listedRuns()).toEqual(before);
      // a lookup misses on the replica and finds the prediction on the primary
      expect((await get(`/v1/predictions/${fresh[0]}`)).statusCode).toBe(200);
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()');
    }
    await until('replay', async () => (await listedRuns()).length === before.length + 1);
    await until('no lag', async () => (await metric('sightline_db_replica_lag_seconds')) === 0);
    const run = await driftRun();
    expect(run.sample_sizes.current).toBe(65);
    expect(await fallbacks('drift_window', 'behind_window')).toBe(1);
  }, 120_000);

  it('goes on from the primary when the replica is gone, with readiness up', async () => {
    await replica.stop();
    await until('the replica down', async () => (await metric('sightline_db_replica_up')) === 0);
    expect((await get('/health/ready')).statusCode).toBe(200);
    expect((await driftRun()).sample_sizes.current).toBe(65);
    expect(await fallbacks('drift_window', 'down')).toBe(1);
    expect((await listedRuns()).length).toBeGreaterThanOrEqual(3);
    expect(Number.isNaN(await metric('sightline_db_replica_lag_seconds'))).toBe(true);
  }, 120_000);
});
