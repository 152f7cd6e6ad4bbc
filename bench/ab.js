#!/usr/bin/env node
// A/B check for a hot-path change on a noisy machine: two copies of one bench target that differ
// only in environment or build, measured in alternating rounds under the same load; prints the
// median of each. Use it before keeping an optimisation.
//   node bench/ab.js --target b --env1 SOME_SWITCH=on --env2 SOME_SWITCH=off [--rounds 6] [--seconds 5]
//   node bench/ab.js --target b --dist1 dist --dist2 .ab/old/dist   (two builds of the tree)
//   --batch-rows 32 sends batches instead of single rows
// Besides throughput it prints each server's CPU time per request (user + system, from
// /proc/<pid>/stat): on a shared machine that moves far less than req/s with other people's load.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { arg, envList } = require('./lib/args');
const { createBenchDatabase, dropBenchDatabase } = require('./lib/db');
const { load, hasWrk } = require('./lib/load');
const { singleBodies, batchBodies } = require('./lib/payloads');
const { startServer, startOtlpSink } = require('./lib/servers');
const { target, ROOT, MODEL_DIR } = require('./lib/targets');

const key = arg('target', 'b');
const rounds = Number(arg('rounds', '6'));
const seconds = Number(arg('seconds', '5'));
const connections = Number(arg('connections', '32'));
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
/** CPU seconds the process has used (user + system), or NaN where /proc is not there. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

async function main() {
  process.chdir(ROOT);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-ab-'));
  const dbUrl = await createBenchDatabase(serverUrl);
  const sink = await startOtlpSink(4399);
  const variants = [1, 2].map((i) => {
    const extra = envList(arg(`env${i}`));
    const dist = arg(`dist${i}`, 'dist');
    const t = target(key, { dbUrl, outDir, otlpPort: 4399 });
    const name = `${i}: ${dist} ${JSON.stringify(extra)}`;
    return { name, t, dist, port: t.port + 10 * i, extra, runs: [] };
  });
  const servers = [];
  try {
    for (const v of variants) {
      v.server = await startServer({
        name: v.name,
        args: v.t.args.map((a) =>
          a === String(v.t.port) ? String(v.port) : a.replace(/^(\.\/)?dist\//, `./${v.dist}/`),
        ),
        env: {
          ...v.t.env,
          ...v.extra,
          PORT: String(v.port),
          PREDICTION_LOG_JOURNAL_DIR: path.join(outDir, `journal-${v.port}`),
        },
        readyUrl: `http://127.0.0.1:${v.port}${v.t.readyPath}`,
        logFile: path.join(outDir, `${v.port}.log`),
      });
      servers.push(v.server);
    }
    const tool = hasWrk() ? 'wrk' : 'autocannon';
    const batchRows = Number(arg('batch-rows', '1'));
    const bodies = batchRows > 1 ? batchBodies(MODEL_DIR, batchRows) : singleBodies(MODEL_DIR);
    for (const v of variants)
      await load(tool, { url: `http://127.0.0.1:${v.port}/predict`, bodies, connections, seconds: 3 });
    for (let r = 0; r < rounds; r++) {
      // alternate the order so drift in machine load does not favour one side
      for (const v of r % 2 === 0 ? variants : [...variants].reverse()) {
        const cpu = cpuSeconds(v.server.pid);
        const run = await load(tool, {
          url: `http://127.0.0.1:${v.port}/predict`,
          bodies,
          connections,
          seconds,
        });
        run.cpuPerRequest = ((cpuSeconds(v.server.pid) - cpu) / (run.rps * seconds)) * 1e6;
        v.runs.push(run);
      }
    }
  } finally {
    for (const s of servers) await s.stop();
    await sink.close();
    await dropBenchDatabase(serverUrl).catch(() => undefined);
  }
  for (const v of variants) {
    const rps = v.runs.map((r) => r.rps);
    process.stdout.write(
      `${v.name.padEnd(50)} median ${median(rps).toFixed(0)} req/s (${rps.map((x) => x.toFixed(0)).join(' ')}), ` +
        `p50 ${median(v.runs.map((r) => r.p50)).toFixed(2)} ms, p99 ${median(v.runs.map((r) => r.p99)).toFixed(2)} ms, ` +
        `CPU ${median(v.runs.map((r) => r.cpuPerRequest)).toFixed(1)} µs/req ` +
        `(${v.runs.map((r) => r.cpuPerRequest.toFixed(0)).join(' ')})\n`,
    );
  }
  const [a, b] = variants.map((v) => median(v.runs.map((r) => r.rps)));
  const [ca, cb] = variants.map((v) => median(v.runs.map((r) => r.cpuPerRequest)));
  process.stdout.write(`ratio 1/2: ${(a / b).toFixed(3)} req/s, ${(ca / cb).toFixed(3)} CPU per request\n`);
}

main().catch((err) => {
  process.stderr.write(`ab: ${err.stack || err}\n`);
  process.exit(1);
});
