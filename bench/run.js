#!/usr/bin/env node
// `npm run bench`: one command, three servers under the same load, one table.
//   (a) Sightline with everything on: Postgres prediction log, metrics, request logs, tracing
//   (b) Sightline with the prediction log, metrics, request log lines and tracing off
//   (c) bench/bare-server.js: node:http + onnxruntime-node, one session call per request
// All three run at once and are measured in alternating rounds (the order rotating), so a change
// in machine load during the run hits each of them alike; the table shows the median round.
// Options: --rounds 3 --duration 10 --warmup 3 --connections 32 --batch-rows 32
//          --batch-connections 8 --tool wrk|autocannon --only a,b,c --no-build --json out.json
//          --a-env NAME=value,... (extra environment for server a, e.g. another trace sampler)
//          --baseline <git ref>   (a) built from that commit, in the same rounds (a0)
//          --nodes 22,26          (a) on other Node majors too, in the same rounds (a22, a26)
//          --peers true|false     the FastAPI and Flask tutorial servers (d, e); on when installed
//          --ceiling-seconds 10   the bare-COPY Postgres ceiling of the batch scenario; 0 skips it
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { arg, envList } = require('./lib/args');
const { createBenchDatabase, dropBenchDatabase } = require('./lib/db');
const { exactPhase, finishLogCheck } = require('./lib/log-check');
const { load, hasWrk } = require('./lib/load');
const { machine } = require('./lib/machine');
const { singleBodies, batchBodies } = require('./lib/payloads');
const { startServer, startOtlpSink } = require('./lib/servers');
const { printReport } = require('./lib/report');
const { target, peersInstalled, ROOT, MODEL_DIR } = require('./lib/targets');
const { prepareBaseline } = require('./lib/baseline');
const { copyCeiling } = require('./lib/ceiling');

const opts = {
  rounds: Number(arg('rounds', '3')),
  duration: Number(arg('duration', '10')),
  warmup: Number(arg('warmup', '3')),
  connections: Number(arg('connections', '32')),
  batchRows: Number(arg('batch-rows', '32')),
  batchConnections: Number(arg('batch-connections', '8')),
  tool: arg('tool', hasWrk() ? 'wrk' : 'autocannon'),
  only: arg('only', 'a,b,c').split(',').sort(),
  build: arg('no-build') !== 'true',
  json: arg('json'),
  // e.g. --a-env OTEL_TRACES_SAMPLER=parentbased_traceidratio,OTEL_TRACES_SAMPLER_ARG=0.1
  aEnv: envList(arg('a-env')),
  baseline: arg('baseline'),
  nodes: (arg('nodes') ?? '').split(',').filter(Boolean),
  peers: arg('peers') === undefined ? peersInstalled() : arg('peers') === 'true',
  ceilingSeconds: Number(arg('ceiling-seconds', '10')),
};
/** The servers of this run, in the order they are started and measured. */
const keys = [
  ...(opts.baseline ? ['a0'] : []),
  ...opts.only,
  ...opts.nodes.map((m) => `a${m}`),
  ...(opts.peers ? ['d', 'e'] : []),
];
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const OTLP_PORT = 4399;

const scenarios = [
  {
    key: 'single',
    label: 'single row',
    rows: 1,
    bodies: singleBodies(MODEL_DIR),
    connections: opts.connections,
  },
  {
    key: 'batch',
    label: `batch of ${opts.batchRows}`,
    rows: opts.batchRows,
    bodies: batchBodies(MODEL_DIR, opts.batchRows),
    connections: opts.batchConnections,
    // the tutorial servers answer one row per request, as the tutorials do
    skip: ['d', 'e'],
  },
];

const median = (xs) => {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? NaN : finite[Math.floor(finite.length / 2)];
};

/** The median round by throughput, with its own latencies; totals summed over every round. */
function summarize(runs) {
  const mid = [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];
  return {
    rps: mid.rps,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rounds: runs.map((r) => Math.round(r.rps)),
    requests: runs.reduce((s, r) => s + r.requests, 0),
    ok: runs.reduce((s, r) => s + r.ok, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

async function start(t, outDir) {
  const server = await startServer({
    name: t.label,
    command: t.command,
    cwd: t.cwd,
    args: t.args,
    env: { ...t.env, PORT: String(t.port) },
    readyUrl: `http://127.0.0.1:${t.port}${t.readyPath}`,
    logFile: path.join(outDir, `${t.key}.log`),
  });
  return { ...t, server, url: `http://127.0.0.1:${t.port}/predict`, runs: {}, results: {} };
}

async function measure(all, timed) {
  for (const sc of scenarios) {
    const servers = all.filter((s) => !(sc.skip ?? []).includes(s.key));
    for (const s of servers) {
      const warm = await load(opts.tool, {
        url: s.url,
        bodies: sc.bodies,
        connections: sc.connections,
        seconds: opts.warmup,
      });
      if (s.key === 'a') {
        timed.okRows += warm.ok * sc.rows;
        timed.inFlightBound += sc.connections * sc.rows;
      }
      s.runs[sc.key] = [];
    }
    for (let round = 0; round < opts.rounds; round++) {
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const s of order) {
        const r = await load(opts.tool, {
          url: s.url,
          bodies: sc.bodies,
          connections: sc.connections,
          seconds: opts.duration,
        });
        s.runs[sc.key].push(r);
        if (r.raw) process.stdout.write(`  (unreadable ${opts.tool} output follows)\n${r.raw}\n`);
        if (s.key === 'a') {
          timed.okRows += r.ok * sc.rows;
          timed.inFlightBound += sc.connections * sc.rows;
        }
        process.stdout.write(
          `  round ${round + 1}/${opts.rounds}  ${s.label.padEnd(26)} ${sc.label.padEnd(12)} ` +
            `${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms` +
            `${r.non2xx + r.errors > 0 ? `  non-2xx ${r.non2xx} errors ${r.errors}` : ''}\n`,
        );
      }
    }
    for (const s of servers) s.results[sc.key] = summarize(s.runs[sc.key]);
  }
}

async function main() {
  process.chdir(ROOT);
  if (opts.build) {
    process.stdout.write('building (tsc -p tsconfig.build.json)...\n');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      stdio: 'inherit',
    });
  }
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-'));
  const info = machine();
  const dbUrl = await createBenchDatabase(serverUrl);
  for (const m of opts.nodes) await createBenchDatabase(serverUrl, `_n${m}`);
  const baseline = opts.baseline && prepareBaseline(opts.baseline);
  if (baseline) baseline.dbUrl = await createBenchDatabase(serverUrl, '_base');
  const sink = await startOtlpSink(OTLP_PORT);
  process.stdout.write(
    `Sightline bench: ${opts.tool}; ${opts.rounds} alternating rounds of ${opts.duration} s per server and ` +
      `scenario after ${opts.warmup} s warm-up; single row at ${opts.connections} connections, batch of ` +
      `${opts.batchRows} at ${opts.batchConnections}; server logs in ${outDir}\n`,
  );
  const servers = [];
  const timed = { okRows: 0, inFlightBound: 0 };
  const runs = {};
  let logCheck;
  let ceiling;
  try {
    for (const key of keys) {
      const t = target(key, { dbUrl, outDir, otlpPort: OTLP_PORT, baseline });
      if (key === 'a') Object.assign(t.env, opts.aEnv);
      servers.push(await start(t, outDir));
    }
    await measure(servers, timed);
    for (const s of servers) runs[s.key] = { label: s.label, results: s.results };
    const a = servers.find((s) => s.key === 'a');
    const phase = a && (await exactPhase({ url: a.url, dbUrl, scenarios, timed }));
    // SIGTERM drains the prediction log before the rows are counted
    while (servers.length > 0) await servers.pop().server.stop();
    if (phase) logCheck = { ...(await finishLogCheck(dbUrl, phase)), otlpExports: sink.exports() };
    // after the count, and with every server stopped: Postgres alone, as (a)'s writer uses it
    if (runs.a && opts.ceilingSeconds > 0) {
      process.stdout.write(`Postgres ceiling: bare COPY of (a)'s rows for ${opts.ceilingSeconds} s...\n`);
      ceiling = await copyCeiling(dbUrl, {
        connections: Number(opts.aEnv.PREDICTION_LOG_WRITE_CONCURRENCY ?? 2),
        batchSize: Number(opts.aEnv.PREDICTION_LOG_BATCH_SIZE ?? 1000),
        seconds: opts.ceilingSeconds,
      });
    }
  } finally {
    while (servers.length > 0) await servers.pop().server.stop();
    await sink.close();
    await dropBenchDatabase(serverUrl).catch(() => undefined);
    for (const m of opts.nodes) await dropBenchDatabase(serverUrl, `_n${m}`).catch(() => undefined);
    if (baseline) {
      await dropBenchDatabase(serverUrl, '_base').catch(() => undefined);
      baseline.stop();
    }
  }
  const report = printReport({ opts, info, runs, scenarios, logCheck, ceiling, loadAfter: os.loadavg() });
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(report, null, 2));
  // the targets are reported, not enforced: only lost log records or failed requests fail the run
  process.exitCode = report.ok ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`bench: ${err.stack || err}\n`);
  process.exit(2);
});
