#!/usr/bin/env node
// Memory soak: Sightline with everything on (run a of the bench) under a steady request rate for
// --minutes (default 10); samples the server's resident memory every few seconds and says whether
// it is flat after warm-up. Also checks that every 200 has its prediction log row.
//   node bench/soak.js [--minutes 10] [--rate 1000] [--connections 16] [--sample-seconds 5] [--no-build]
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const { arg } = require('./lib/args');
const { createBenchDatabase, dropBenchDatabase, loggedRows } = require('./lib/db');
const { singleBodies } = require('./lib/payloads');
const { startServer, startOtlpSink } = require('./lib/servers');
const { target, ROOT, MODEL_DIR } = require('./lib/targets');

const minutes = Number(arg('minutes', '10'));
const rate = Number(arg('rate', '1000'));
const connections = Number(arg('connections', '16'));
const sampleSeconds = Number(arg('sample-seconds', '5'));
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)];
};

/** Warm-up is the first fifth of the run (at least 30 s); flat means the last fifth's median RSS is within 10% or 16 MB of the first fifth after warm-up. */
function verdict(samples, totalSeconds) {
  const warm = Math.max(30, totalSeconds / 5);
  const after = samples.filter((s) => s.t >= warm);
  const window = Math.max(1, Math.floor(after.length / 4));
  const early = median(after.slice(0, window).map((s) => s.rss));
  const late = median(after.slice(-window).map((s) => s.rss));
  const growth = late - early;
  return { warm, early, late, growth, flat: growth < Math.max(16, early * 0.1) };
}

async function main() {
  process.chdir(ROOT);
  if (arg('no-build') !== 'true') {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      stdio: 'inherit',
    });
  }
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-soak-'));
  const dbUrl = await createBenchDatabase(serverUrl);
  const sink = await startOtlpSink(4399);
  const t = target('a', { dbUrl, outDir, otlpPort: 4399 });
  const server = await startServer({
    name: t.label,
    args: t.args,
    env: { ...t.env, PORT: String(t.port) },
    readyUrl: `http://127.0.0.1:${t.port}${t.readyPath}`,
    logFile: path.join(outDir, 'a.log'),
  });
  const seconds = Math.round(minutes * 60);
  process.stdout.write(
    `soak: ${t.label}, ${rate} req/s over ${connections} connections for ${minutes} min; ` +
      `RSS every ${sampleSeconds} s; server log ${outDir}/a.log\n`,
  );
  const samples = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    const s = { t: (Date.now() - started) / 1000, rss: rssMb(server.pid) };
    samples.push(s);
    if (samples.length % Math.max(1, Math.round(60 / sampleSeconds)) === 0) {
      process.stdout.write(`  ${s.t.toFixed(0).padStart(5)} s  RSS ${s.rss.toFixed(1)} MB\n`);
    }
  }, sampleSeconds * 1000);
  let result;
  let logged;
  try {
    const bodies = singleBodies(MODEL_DIR);
    let i = 0;
    result = await autocannon({
      url: `http://127.0.0.1:${t.port}/predict`,
      connections,
      overallRate: rate,
      // a fixed count at a fixed rate lasts the requested time and awaits every response,
      // so the 200s can be compared with the logged rows exactly
      amount: rate * seconds,
      timeout: 10,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
    });
  } finally {
    clearInterval(sampler);
    await server.stop();
    logged = await loggedRows(dbUrl).catch(() => ({}));
    await sink.close();
    await dropBenchDatabase(serverUrl).catch(() => undefined);
  }
  const ok = result.statusCodeStats['200']?.count ?? 0;
  const v = verdict(samples, seconds);
  const out = (line) => process.stdout.write(`${line}\n`);
  out(
    `\nrequests: ${result.requests.total} (${ok} × 200, ${result.non2xx} non-2xx, ${result.errors} errors), ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  out(
    `RSS: min ${Math.min(...samples.map((s) => s.rss)).toFixed(1)} MB, max ${Math.max(...samples.map((s) => s.rss)).toFixed(1)} MB; ` +
      `after warm-up (${v.warm.toFixed(0)} s) median ${v.early.toFixed(1)} MB, last quarter median ${v.late.toFixed(1)} MB ` +
      `(${v.growth >= 0 ? '+' : ''}${v.growth.toFixed(1)} MB) -> ${v.flat ? 'FLAT after warm-up' : 'GROWING'}`,
  );
  const success = logged.success ?? 0;
  out(`prediction log: ${success} rows for ${ok} × 200 -> ${success === ok ? 'OK, none lost' : 'MISMATCH'}`);
  process.exitCode = v.flat && success === ok ? 0 : 1;
}

main().catch((err) => {
  process.stderr.write(`soak: ${err.stack || err}\n`);
  process.exit(2);
});
