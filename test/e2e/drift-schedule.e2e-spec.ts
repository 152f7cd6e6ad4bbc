import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../utils/test-tracer';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { TickOutcome } from '../../src/telemetry/job.metrics';
import { MetricsRegistry } from '../../src/telemetry/metrics.registry';
import { DriftReport } from '../../src/monitoring/drift/report/drift-report.types';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { DEMO_MODELS, DEMO_VERSIONS } from '../utils/test-app';
import { insertLogRows, loanLabels, LOAN_SHIFTED, loanTraffic, metricValue } from './drift-support';

const ROWS = 600;

/** One entry per drift tick a replica counted in sightline_job_ticks_total, by outcome. */
function ticks(metricsText: string): TickOutcome[] {
  const counted = metricsText.matchAll(/^sightline_job_ticks_total\{job="drift",outcome="(\w+)"\} (\d+)$/gm);
  return [...counted].flatMap(([, outcome, n]) => Array<TickOutcome>(Number(n)).fill(outcome as TickOutcome));
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);
const journal = (replica: string) => join(tmpdir(), `sightline-drift-journal-${process.pid}-${replica}`);

/** Two replicas of Sightline on one database, each with a drift scheduler ticking every second. */
describe('drift scheduler with two replicas (e2e)', () => {
  let url: string;
  let drop: () => Promise<void>;
  const apps: NestFastifyApplication[] = [];
  let closed = false;

  // each replica keeps its own prediction-log journal, as separate machines would
  const boot = async (replica: string) =>
    createApp(
      loadConfig({
        MODELS_DIR: DEMO_MODELS,
        LOG_LEVEL: 'silent',
        SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
        PERFORMANCE_INTERVAL_SECONDS: '0',
        DRIFT_INTERVAL_SECONDS: '1',
        DRIFT_WINDOW: '1h',
        DATABASE_URL: url,
        PREDICTION_LOG_JOURNAL_DIR: journal(replica),
      }),
    );

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase());
    // one after the other: the first applies the migrations
    apps.push(await boot('a'));
    apps.push(await boot('b'));
    const now = Date.now();
    await insertLogRows(
      url,
      'loan-risk',
      '2',
      loanTraffic(ROWS, 99),
      loanLabels(ROWS, 7),
      (i) => new Date(now - 1000 - i * 10),
    );
  });
  afterAll(async () => {
    if (!closed) for (const app of apps) await app.close();
    await drop();
    for (const replica of ['a', 'b']) rmSync(journal(replica), { recursive: true, force: true });
    await provider.shutdown();
  });

  it('runs every tick exactly once across the replicas and reports the shifted features with no request', async () => {
    const complete = () =>
      queryDb<{ n: number }>(
        url,
        `SELECT count(*)::int AS n FROM drift_report WHERE trigger = 'schedule' AND status = 'completed'
           AND model_name = 'loan-risk' AND model_version = '2' AND current_rows = $1`,
        [ROWS],
      );
    for (let waited = 0; (await complete())[0].n < 3; waited += 200) {
      if (waited > 40_000) throw new Error('no scheduled drift runs after 40 s');
      await sleep(200);
    }
    const metrics = await Promise.all(
      apps.map(async (a) => (await a.inject({ method: 'GET', url: '/metrics' })).body),
    );
    for (const app of apps) await app.close();
    closed = true;
    // read once closed: a tick still running at the scrape has finished and counted by now
    const outcomes = await Promise.all(
      apps.map(async (a) => ticks(await a.get(MetricsRegistry).registry.metrics())),
    );

    // one report per model version per slot, all of a slot's by one replica
    const slots = await queryDb<{ slot: string; runs: number; versions: number; runners: number }>(
      url,
      `SELECT slot::text, count(*)::int AS runs, count(DISTINCT (model_name, model_version))::int AS versions,
         count(DISTINCT runner)::int AS runners
       FROM drift_report WHERE trigger = 'schedule' GROUP BY slot ORDER BY slot`,
    );
    expect(slots.length).toBeGreaterThanOrEqual(3);
    const n = DEMO_VERSIONS.length;
    for (const s of slots) expect(s).toEqual({ slot: s.slot, runs: n, versions: n, runners: 1 });
    // each replica ticked; the ticks that ran add up to the slots, the others found the lock or the slot taken
    const ran = outcomes.flat().filter((o) => o === 'ran').length;
    expect(ran).toBe(slots.length);
    expect(outcomes.flat().filter((o) => o === 'locked' || o === 'taken').length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.length > 0)).toBe(true);
    expect(outcomes.flat()).not.toContain('failed');

    const [latest] = await queryDb<{ report: DriftReport }>(
      url,
      `SELECT report FROM drift_report WHERE trigger = 'schedule' AND model_name = 'loan-risk' AND model_version = '2'
         AND current_rows = $1 ORDER BY created_at DESC LIMIT 1`,
      [ROWS],
    );
    expect([...latest.report.dataset.drifted_features].sort()).toEqual(LOAN_SHIFTED);

    // whichever replica ran the last tick exported it; both export only what they ran themselves
    const series = { model: 'loan-risk', version: '2' };
    const detected = metrics.map((m) =>
      metricValue(m, 'sightline_drift_detected', { ...series, feature: 'income' }),
    );
    expect(detected).toContain(1);
    // each scheduled run is traced inside its tick's job span
    const spans = exporter.getFinishedSpans();
    const jobs = new Set(
      spans.filter((s) => s.name === 'sightline.job.drift').map((s) => s.spanContext().spanId),
    );
    const runs = spans.filter((s) => s.name === 'sightline.drift.run');
    expect(runs.length).toBeGreaterThanOrEqual(slots.length * 3);
    expect(runs.every((s) => jobs.has(s.parentSpanContext?.spanId ?? ''))).toBe(true);
    const lastSuccess = metrics.map((m) =>
      metricValue(m, 'sightline_job_last_success_timestamp_seconds', { job: 'drift' }),
    );
    expect(lastSuccess.some((v) => v !== undefined && v > Date.now() / 1000 - 120)).toBe(true);
  });
});
