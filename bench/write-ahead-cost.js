#!/usr/bin/env node
// The write-ahead journal's own cost, measured where the shared machine's noise cannot reach it:
// the real writer and journal (on this machine's disk) in one process, with a repository that
// only touches the rows, record after record, in interleaved rounds with PREDICTION_LOG_WRITE_AHEAD
// on and off. Prints the CPU time per record of each and the difference; compare it with (a)'s CPU
// time per request (bench/ab.js prints it). Needs a build (npm run build).
//   node bench/write-ahead-cost.js
const { loadConfig } = require('../dist/src/config/app-config');
const { DiskJournal } = require('../dist/src/prediction-log/journal/disk-journal');
const { PredictionLogWriter } = require('../dist/src/prediction-log/writer/prediction-log.writer');
const { PredictionLogEvents } = require('../dist/src/prediction-log/prediction-log.events');
const { uuidv7 } = require('../dist/src/common/ids/uuidv7');
const { Logger } = require('@nestjs/common');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

Logger.overrideLogger(false);
/** A loan-risk record as the record factory makes it. */
const rec = () => ({
  id: uuidv7(),
  createdAt: new Date(),
  modelName: 'loan-risk',
  modelVersion: '2',
  status: 'success',
  errorClass: null,
  inputs: {
    age: 42,
    income: 52000,
    loan_amount: 12000,
    credit_score: 690,
    debt_ratio: 0.3,
    employment: 'employed',
    home_ownership: 'rent',
  },
  metadata: null,
  outputs: { prediction: 'repaid', probabilities: { repaid: 0.93, default: 0.07 } },
  predictedLabel: 'repaid',
  predictedValue: null,
  latencyMs: 1.234,
  requestId: uuidv7(),
  traceId: '0af7651916cd43dd8448eb211c80319c',
  source: 'v1',
  route: 'stable',
  primaryId: null,
  cached: false,
});
/** Postgres stand-in: the rows are looked at, not sent, so only the log's own work is timed. */
const repo = {
  insertMany: async (b) => {
    for (const r of b.rows) void r.length;
    return b.rows.length;
  },
};
/** CPU µs per record for `n` records, `perGroup` recorded per event-loop turn (one group write each). */
async function run(wal, n, perGroup) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walb-'));
  const config = loadConfig({
    DATABASE_URL: 'postgres://x/y',
    PREDICTION_LOG_WRITE_AHEAD: String(wal),
    PREDICTION_LOG_FLUSH_INTERVAL_MS: '200',
  });
  const j = new DiskJournal({ ...config.predictionLog.journal, dir, warn: () => {} });
  const w = new PredictionLogWriter(config, repo, j, new PredictionLogEvents());
  w.onApplicationBootstrap();
  const recs = Array.from({ length: n }, rec);
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i += perGroup) {
    for (let k = 0; k < perGroup; k++) w.enqueueAll([recs[i + k]]);
    await Promise.resolve();
    if (i % 1000 === 0) await w.flush(true);
  }
  await w.drain(10000);
  const c = process.cpuUsage(cpu0);
  await w.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
  return (c.user + c.system) / n;
}
(async () => {
  const out = { true: [], false: [] };
  for (const perGroup of [1, 4]) {
    for (let r = 0; r < 8; r++)
      for (const wal of r % 2 ? [true, false] : [false, true]) out[wal].push(await run(wal, 40000, perGroup));
    const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(
      `records per group ${perGroup}: CPU per record, write-ahead on ${med(out.true).toFixed(2)} µs, off ${med(out.false).toFixed(2)} µs, added ${(med(out.true) - med(out.false)).toFixed(2)} µs`,
    );
    out.true = [];
    out.false = [];
  }
})();
