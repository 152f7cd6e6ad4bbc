#!/usr/bin/env node
// Drift at scale: one run over a window of 1,000,000 logged predictions with 10 features
// (8 numeric, 2 categorical; 5 of them shifted), on the DATABASE_URL server.
//   node bench/drift-1m.js [--rows 1000000] [--small 100000] [--no-build] [--keep] [--reuse] [--verify]
// It builds dist/ (the run code is the app's own), fills a fresh database with INSERT ... SELECT
// generate_series, then times the run in a child process per window size (a 100k window and the full
// one), reporting wall time and the child's peak RSS: memory must not grow with the window.
// --keep leaves the database in place; --reuse runs against a kept one instead of refilling it;
// --verify then also loads every value of the window into memory (peak RSS is then no longer the
// run's) and compares each statistic with the library's in-memory computation.
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');
const { Client } = require('pg');
const { arg } = require('./lib/args');
const { machine } = require('./lib/machine');

const ROOT = path.join(__dirname, '..');
const DB = 'sightline_bench_drift';
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const STEP_MS = 3; // one prediction every 3 ms: 1M rows span 50 minutes, inside a 1h window

function dbUrl() {
  const u = new URL(serverUrl);
  u.pathname = `/${DB}`;
  return u.toString();
}

async function sql(url, text, params, before) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    if (before) await c.query(before);
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** n(mean, sd) in SQL: Box-Muller on random(). */
const normal = (mean, sd) => `(${mean} + ${sd} * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))`;

/** The window's rows: f4..f7 and region shifted, the rest drawn like the reference. */
function insertSql(rows) {
  return `
INSERT INTO prediction_log (id, created_at, model_name, model_version, status, inputs, outputs, predicted_label, latency_ms)
SELECT gen_random_uuid(), $1::timestamptz - g * interval '${STEP_MS} milliseconds', 'bench', '1', 'success',
  jsonb_build_object(
    'score', round(${normal(600, 80)}::numeric, 0),
    'income', round(exp(${normal(10.8, 0.5)}) / 100) * 100,
    'age', floor(18 + random() * 62),
    'ratio', CASE WHEN u.a < 0.02 THEN NULL ELSE round(random()::numeric, 3) END,
    'visits', floor(random() * 8) + 2,
    'temp', round(${normal(23, 5)}::numeric, 2),
    'amount', round((exp(${normal(8, 0.7)}) * 1.3)::numeric, 2),
    'share', round((0.15 + random())::numeric, 4),
    'plan', CASE WHEN u.b < 0.4 THEN 'a' WHEN u.b < 0.65 THEN 'b' WHEN u.b < 0.85 THEN 'c' WHEN u.b < 0.95 THEN 'd' ELSE 'e' END,
    'region', CASE WHEN u.c < 0.2 THEN 'x' WHEN u.c < 0.5 THEN 'y' WHEN u.c < 0.99 THEN 'z' ELSE 'w' END),
  jsonb_build_object('prediction', CASE WHEN u.d < 0.35 THEN 'yes' ELSE 'no' END),
  CASE WHEN u.d < 0.35 THEN 'yes' ELSE 'no' END, 1
FROM generate_series(1, ${rows}) g,
  LATERAL (SELECT random() + 0 * g AS a, random() + 0 * g AS b, random() + 0 * g AS c, random() + 0 * g AS d) u`;
}

const MANIFEST = {
  task: 'classification',
  labels: ['no', 'yes'],
  features: [
    ...['score', 'income', 'age', 'ratio', 'visits', 'temp', 'amount', 'share'].map((name) => ({
      name,
      type: 'numeric',
      required: true,
      outOfRange: 'accept',
    })),
    {
      name: 'plan',
      type: 'categorical',
      required: true,
      categories: ['a', 'b', 'c', 'd', 'e'],
      unseen: 'ignore',
    },
    { name: 'region', type: 'categorical', required: true, categories: ['x', 'y', 'z'], unseen: 'ignore' },
  ],
  inputs: [],
  outputs: { label: 'label' },
  sanitize: { fields: {} },
  drift: { features: {} },
};

/** 2000 reference rows drawn from the unshifted distributions (seeded). */
function referenceRows() {
  let a = 20261123;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const round = (x, d) => Number(x.toFixed(d));
  return Array.from({ length: 2000 }, () => {
    const b = r();
    const c = r();
    return {
      score: Math.round(n(600, 80)),
      income: Math.round(Math.exp(n(10.8, 0.5)) / 100) * 100,
      age: Math.floor(18 + r() * 62),
      ratio: r() < 0.02 ? null : round(r(), 3),
      visits: Math.floor(r() * 8),
      temp: round(n(20, 5), 2),
      amount: round(Math.exp(n(8, 0.7)), 2),
      share: round(r(), 4),
      plan: b < 0.4 ? 'a' : b < 0.65 ? 'b' : b < 0.85 ? 'c' : b < 0.95 ? 'd' : 'e',
      region: c < 0.5 ? 'x' : c < 0.8 ? 'y' : 'z',
      __prediction__: r() < 0.35 ? 'yes' : 'no',
    };
  });
}

/**
 * --verify: the same statistics computed in memory on every value of the window (the library is
 * checked against scipy); returns the largest relative difference per statistic.
 */
async function verify(ds, figures, ref, from, to) {
  const stats = require(path.join(ROOT, 'dist', 'src', 'monitoring', 'drift', 'stats'));
  const rows = await ds.query(
    `SELECT inputs FROM prediction_log WHERE model_name = 'bench' AND created_at >= $1 AND created_at < $2`,
    [from.toISOString(), to.toISOString()],
  );
  const worst = {};
  const note = (key, got, want) => {
    const d = Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
    worst[key] = Math.max(worst[key] ?? 0, got === want ? 0 : d);
  };
  for (const f of figures.features.filter((x) => x.kind === 'numeric')) {
    const r = ref.map((row) => row[f.name]).filter((v) => v !== null);
    const c = rows.map((row) => row.inputs[f.name]).filter((v) => v !== null && v !== undefined);
    const ks = stats.ks2samp(r, c);
    const w = stats.wasserstein(r, c);
    note('ks.statistic', f.statistics.ks.statistic, ks.statistic);
    note('ks.p_value', f.statistics.ks.p_value, ks.pValue);
    note('wasserstein', f.statistics.wasserstein.distance, w.distance);
    note('psi', f.statistics.psi, stats.psiNumeric(r, c).statistic);
    note(
      'jensen_shannon',
      f.statistics.jensen_shannon,
      stats.jensenShannonNumeric(r, c, { base: 2 }).statistic,
    );
  }
  return worst;
}

async function child() {
  const rows = Number(arg('rows'));
  const base = new Date(arg('base'));
  const { DataSource } = require('typeorm');
  const dist = (p) => require(path.join(ROOT, 'dist', 'src', p));
  const { dataSourceOptions } = dist('database/data-source-options');
  const { WindowAggregator } = dist('monitoring/drift/window/window-aggregator');
  const { DriftRunner } = dist('monitoring/drift/drift-runner');
  const { buildProfile } = dist('monitoring/drift/reference/profile-builder');
  const ref = referenceRows();
  const profile = buildProfile(MANIFEST, ref.length, (name) => ref.map((row) => row[name]));
  const reference = { profile, source: 'file', sourceRows: ref.length, createdAt: new Date() };
  const ds = new DataSource(dataSourceOptions(dbUrl()));
  await ds.initialize();
  const config = { drift: { correction: 'none', shareThreshold: 0.5 }, sanitize: { fields: {} } };
  const runner = new DriftRunner(config, new WindowAggregator(ds));
  const version = { name: 'bench', version: '1', manifest: MANIFEST };
  const from = new Date(base.getTime() - rows * STEP_MS - 1);
  const runs = [];
  let figures;
  for (let i = 0; i < 2; i++) {
    const t0 = process.hrtime.bigint();
    figures = await runner.run(version, reference, from, base);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const verified = arg('verify') === 'true' ? await verify(ds, figures, ref, from, base) : undefined;
  await ds.destroy();
  process.stdout.write(
    JSON.stringify({
      verified,
      rows: figures.sample_sizes.current,
      seconds: runs,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
      drifted: figures.dataset.drifted_features,
      tests: Object.fromEntries(
        figures.features.map((f) => [f.name, `${f.test} ${f.score?.toPrecision(4)}`]),
      ),
      errors: figures.features.filter((f) => f.error).map((f) => `${f.name}: ${f.error}`),
      timings: figures.timings_ms,
    }) + '\n',
  );
}

async function main() {
  const rows = Number(arg('rows', '1000000'));
  const small = Number(arg('small', '100000'));
  if (arg('no-build') !== 'true') {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  let base;
  const existing =
    arg('reuse') === 'true' ? await sql(serverUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [DB]) : [];
  if (existing.length > 0) {
    const [{ last }] = await sql(
      dbUrl(),
      "SELECT max(created_at) AS last FROM prediction_log WHERE model_name = 'bench'",
    );
    base = new Date(last.getTime() + STEP_MS);
    process.stdout.write(`reusing ${DB}\n`);
  } else {
    await sql(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
    await sql(serverUrl, `CREATE DATABASE ${DB}`);
    const { DataSource } = require('typeorm');
    const { dataSourceOptions } = require(path.join(ROOT, 'dist', 'src', 'database', 'data-source-options'));
    const ds = new DataSource(dataSourceOptions(dbUrl()));
    await ds.initialize();
    await ds.runMigrations();
    await ds.destroy();
    base = new Date();
    process.stdout.write(`inserting ${rows} rows ...\n`);
    const t0 = Date.now();
    // the same rows on every run (random() follows the session's seed)
    await sql(dbUrl(), insertSql(rows), [base.toISOString()], 'SELECT setseed(0.20261123)');
    await sql(dbUrl(), 'VACUUM ANALYZE prediction_log');
    process.stdout.write(`inserted in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const results = [];
  for (const window of [small, rows]) {
    const childArgs = [
      path.join(__dirname, 'drift-1m.js'),
      '--child',
      '--rows',
      String(window),
      '--base',
      base.toISOString(),
    ];
    if (arg('verify') === 'true') childArgs.push('--verify');
    const out = spawnSync(process.execPath, childArgs, {
      cwd: ROOT,
      env: process.env,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (out.status !== 0) throw new Error(`child failed: ${out.stderr}`);
    results.push(JSON.parse(out.stdout.trim().split('\n').pop()));
  }
  const m = machine();
  process.stdout.write(`\nmachine: ${m.cpu}, ${m.memory}, ${m.node}, load average ${m.load}\n`);
  process.stdout.write(
    '| window rows | first run (s) | second run (s) | peak RSS (MiB) | drifting features |\n|---|---|---|---|---|\n',
  );
  for (const r of results) {
    process.stdout.write(
      `| ${r.rows} | ${r.seconds[0].toFixed(2)} | ${r.seconds[1].toFixed(2)} | ${r.maxRssMiB.toFixed(0)} | ${r.drifted.join(', ')} |\n`,
    );
  }
  process.stdout.write(`\nper feature (full window): ${JSON.stringify(results[1].tests)}\n`);
  process.stdout.write(
    `time in Postgres per pass (ms): ${results.map((r) => `${r.rows} rows ${JSON.stringify(r.timings)}`).join('; ')}\n`,
  );
  if (results[0].verified) {
    process.stdout.write(
      `largest relative difference from the in-memory computation: ${results.map((r) => `${r.rows} rows ${JSON.stringify(r.verified)}`).join('; ')}\n`,
    );
  }
  if (results.some((r) => r.errors.length))
    process.stdout.write(`errors: ${JSON.stringify(results.map((r) => r.errors))}\n`);
  if (arg('keep') !== 'true') await sql(serverUrl, `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}

(arg('child') === 'true' ? child() : main()).catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
