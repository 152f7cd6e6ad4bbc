#!/usr/bin/env node
// Profile Sightline's hot path: start server a or b of the bench with the V8 profiler preloaded,
// warm it up, profile it under the single-row load, and print where the CPU went (self time by package and the top
// functions). Profile first, then optimise what shows up here.
//   node bench/profile.js [--target a|b] [--seconds 15] [--connections 32] [--top 40] [--batch-rows 32]
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { arg } = require('./lib/args');
const { createBenchDatabase, dropBenchDatabase } = require('./lib/db');
const { load, hasWrk } = require('./lib/load');
const { singleBodies, batchBodies } = require('./lib/payloads');
const { startServer, startOtlpSink } = require('./lib/servers');
const { target, ROOT, MODEL_DIR } = require('./lib/targets');

const key = arg('target', 'a');
const seconds = Number(arg('seconds', '15'));
const connections = Number(arg('connections', '32'));
const top = Number(arg('top', '40'));
const batchRows = Number(arg('batch-rows', '1'));
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** node_modules/<pkg>, our source file, or the runtime. */
function bucket(url) {
  if (!url) return '(native / gc / idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node: (runtime)';
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url;
}

function summarize(file) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const total = profile.endTime - profile.startTime;
  const perSample = total / Math.max(1, profile.samples.length);
  const self = new Map();
  const byBucket = new Map();
  let idle = 0;
  for (const node of profile.nodes) {
    const ms = (node.hitCount * perSample) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const name = `${functionName || '(anonymous)'} ${bucket(url)}:${lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    byBucket.set(bucket(url), (byBucket.get(bucket(url)) ?? 0) + ms);
  }
  const busy = total / 1000 - idle;
  const out = (line) => process.stdout.write(`${line}\n`);
  out(`profile ${file}: ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1000).toFixed(1)} s`);
  out('\nself time by package / file (share of busy time):');
  for (const [b, ms] of [...byBucket].sort((x, y) => y[1] - x[1]).slice(0, 25)) {
    out(`  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${b}`);
  }
  out(`\ntop ${top} functions by self time:`);
  for (const [n, ms] of [...self].sort((x, y) => y[1] - x[1]).slice(0, top)) {
    out(`  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${n}`);
  }
  out(`\ntop ${top} of Sightline's own functions and hooks by inclusive time:`);
  for (const [n, ms] of inclusive(profile, perSample).slice(0, top)) {
    out(`  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${n}`);
  }
}

/** Time spent in a function and everything it called, for functions under dist/src (recursion counted once). */
function inclusive(profile, perSample) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  const walk = (node, open) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const ours = url && url.includes('/dist/src/');
    const name = `${functionName || '(anonymous)'} ${bucket(url)}:${lineNumber + 1}`;
    const counts = ours && !open.has(name);
    if (counts) open.add(name);
    let ms = (node.hitCount * perSample) / 1000;
    for (const c of node.children ?? []) ms += walk(byId.get(c), open);
    if (counts) {
      totals.set(name, (totals.get(name) ?? 0) + ms);
      open.delete(name);
    }
    return ms;
  };
  walk(profile.nodes[0], new Set());
  return [...totals].sort((x, y) => y[1] - x[1]);
}

async function main() {
  process.chdir(ROOT);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-profile-'));
  const dbUrl = await createBenchDatabase(serverUrl);
  const sink = await startOtlpSink(4399);
  const t = target(key, { dbUrl, outDir, otlpPort: 4399 });
  const profileFile = path.join(outDir, `${key}.cpuprofile`);
  const server = await startServer({
    name: t.label,
    args: ['--require', path.join(__dirname, 'lib', 'cpu-profiler.js'), ...t.args],
    env: { ...t.env, PORT: String(t.port), SIGHTLINE_CPU_PROFILE: profileFile },
    readyUrl: `http://127.0.0.1:${t.port}${t.readyPath}`,
    logFile: path.join(outDir, `${key}.log`),
  });
  try {
    const options = {
      url: `http://127.0.0.1:${t.port}/predict`,
      bodies: batchRows > 1 ? batchBodies(MODEL_DIR, batchRows) : singleBodies(MODEL_DIR),
      connections,
    };
    const tool = hasWrk() ? 'wrk' : 'autocannon';
    await load(tool, { ...options, seconds: 3 });
    process.kill(server.pid, 'SIGWINCH');
    const r = await load(tool, { ...options, seconds });
    process.kill(server.pid, 'SIGWINCH');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    process.stdout.write(`${t.label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
  } finally {
    await server.stop();
    await sink.close();
    await dropBenchDatabase(serverUrl).catch(() => undefined);
  }
  if (!fs.existsSync(profileFile)) throw new Error(`no profile written to ${profileFile}`);
  summarize(profileFile);
}

main().catch((err) => {
  process.stderr.write(`profile: ${err.stack || err}\n`);
  process.exit(1);
});
