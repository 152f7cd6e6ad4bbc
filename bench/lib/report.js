// The table `npm run bench` ends with: requests/s, p50, p99 per server and scenario, the ratios
// the targets are stated in, and the prediction-log check of run a.
const TARGETS = { aOverC: 0.7, p99AOverC: 2, aOverB: 0.85, aOverBaseline: 1.5, batchOverCeiling: 0.8 };
const ORDER = ['a0', 'a', 'b', 'c', 'd', 'e'];
const byOrder = (x, y) => (ORDER.indexOf(x) + 1 || 99) - (ORDER.indexOf(y) + 1 || 99) || x.localeCompare(y);

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const verdict = (pass) => (pass === undefined ? '' : pass ? 'PASS' : 'MISS');

function printReport({ opts, info, runs, scenarios, logCheck, ceiling, loadAfter }) {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const keys = Object.keys(runs).sort(byOrder);
  const labels = Object.fromEntries(keys.map((k) => [k, runs[k].label]));
  out();
  out(`machine: ${info.cpu}, ${info.memory}, ${info.os}`);
  out(`         node ${info.node}, onnxruntime-node ${info.onnxruntime}`);
  out(`         load average before ${info.load}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  if (Object.keys(opts.aEnv ?? {}).length > 0) out(`server a with ${JSON.stringify(opts.aEnv)}`);
  out();
  out(
    `${'scenario'.padEnd(12)} ${'server'.padEnd(26)} ${'req/s'.padStart(8)} ${'rows/s'.padStart(8)} ` +
      `${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'non-2xx'.padStart(8)}`,
  );
  const report = { options: opts, machine: info, scenarios: {}, ratios: {}, logCheck, ok: true };
  const rounds = [];
  for (const sc of scenarios) {
    report.scenarios[sc.key] = {};
    for (const key of keys) {
      const r = runs[key]?.results[sc.key];
      if (!r) continue;
      report.scenarios[sc.key][key] = r;
      rounds.push(`${sc.label}, ${labels[key]}: ${r.rounds.join(' / ')} req/s`);
      out(
        `${sc.label.padEnd(12)} ${labels[key].padEnd(26)} ${fmt(r.rps, 0).padStart(8)} ` +
          `${fmt(r.rps * sc.rows, 0).padStart(8)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ` +
          `${String(r.non2xx + r.errors).padStart(8)}`,
      );
      if (r.non2xx + r.errors > 0) report.ok = false;
    }
  }
  out();
  out('each round (the table shows the median round, and the median p50 and p99 of the rounds):');
  for (const line of rounds) out(`  ${line}`);
  out();
  for (const sc of scenarios) {
    const { a, b, c, a0, d, e } = report.scenarios[sc.key];
    const ratios = {
      aOverC: a && c ? a.rps / c.rps : undefined,
      p99AOverC: a && c ? a.p99 / c.p99 : undefined,
      aOverB: a && b ? a.rps / b.rps : undefined,
      aOverBaseline: a && a0 ? a.rps / a0.rps : undefined,
      aOverFastapi: a && d ? a.rps / d.rps : undefined,
      aOverFlask: a && e ? a.rps / e.rps : undefined,
      rowsOverCeiling: a && ceiling && sc.rows > 1 ? (a.rps * sc.rows) / ceiling.rowsPerSecond : undefined,
    };
    report.ratios[sc.key] = ratios;
    const line = (name, value, target, pass) =>
      `  ${name.padEnd(18)} ${fmt(value).padStart(6)}   target ${target.padEnd(7)} ${verdict(pass)}`;
    out(`${sc.label}:`);
    if (ratios.aOverC !== undefined) {
      out(line('throughput a/c', ratios.aOverC, `>= ${TARGETS.aOverC}`, ratios.aOverC >= TARGETS.aOverC));
      out(
        line('p99 a/c', ratios.p99AOverC, `<= ${TARGETS.p99AOverC}`, ratios.p99AOverC <= TARGETS.p99AOverC),
      );
    }
    if (ratios.aOverB !== undefined) {
      out(line('throughput a/b', ratios.aOverB, `>= ${TARGETS.aOverB}`, ratios.aOverB >= TARGETS.aOverB));
    }
    if (ratios.aOverBaseline !== undefined) {
      const t = TARGETS.aOverBaseline;
      out(
        line(
          `a/a at ${opts.baseline}`.slice(0, 18),
          ratios.aOverBaseline,
          `>= ${t}`,
          ratios.aOverBaseline >= t,
        ),
      );
    }
    if (ratios.rowsOverCeiling !== undefined) {
      const t = TARGETS.batchOverCeiling;
      out(line('rows a/PG ceiling', ratios.rowsOverCeiling, `>= ${t}`, ratios.rowsOverCeiling >= t));
    }
    if (ratios.aOverFastapi !== undefined) out(line('a/FastAPI', ratios.aOverFastapi, '', undefined));
    if (ratios.aOverFlask !== undefined) out(line('a/Flask', ratios.aOverFlask, '', undefined));
  }
  if (ceiling) {
    report.ceiling = ceiling;
    out();
    out(
      `Postgres ceiling: bare COPY of (a)'s rows into prediction_log, ${ceiling.connections} connections, ` +
        `${ceiling.batchSize}-row batches: ${fmt(ceiling.rowsPerSecond, 0)} rows/s (${ceiling.rows} rows in ` +
        `${fmt(ceiling.seconds, 1)} s, servers stopped)`,
    );
  }
  if (logCheck) {
    const c = logCheck;
    out();
    out('prediction log of (a):');
    out(
      `  timed runs: ${c.timedLogged} rows for ${c.timedOkRows} rows answered 200 -> lost ${c.timedLost}` +
        ` (${c.timedLogged - c.timedOkRows} answered after the client stopped waiting; bound ${c.timedAbandonedBound})`,
    );
    out(
      `  exact phase (every response awaited): ${c.exactLogged} rows for ${c.exactExpected} rows answered 200 -> ` +
        `${c.exactLogged === c.exactExpected ? 'equal' : 'MISMATCH'}; ${c.errorRows} error rows`,
    );
    out(`  ${c.ok ? 'OK: zero log records lost' : 'FAILED: log records lost or unaccounted for'}`);
    out(`  OTLP span exports received from (a): ${c.otlpExports}`);
    if (!c.ok || c.exactFailed > 0) report.ok = false;
  }
  out(report.ok ? 'bench: OK' : 'bench: FAILED (lost log records or failed requests, see above)');
  return report;
}

module.exports = { printReport, TARGETS };
