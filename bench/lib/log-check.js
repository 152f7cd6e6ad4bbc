// Did run a log one row per row answered 200? A timed load run ends with requests in flight that
// the client abandons but the server still answers and logs, so after the timed runs the log may
// hold up to (connections × rows per request) more rows per run than the client saw 200s, never
// fewer (warm-up runs included).
// A final fixed-count phase waits for every response, so there the counts must be equal.
const { runAutocannon } = require('./load');
const { loggedRows } = require('./db');

/** The success row count once the writer has flushed (two equal readings a second apart). */
async function settledRows(dbUrl) {
  let last = -1;
  for (let i = 0; i < 30; i++) {
    const n = (await loggedRows(dbUrl)).success ?? 0;
    if (n === last) return n;
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return last;
}

/** Runs the exact phase on a running server; returns what `finish` needs after the server stopped. */
async function exactPhase({ url, dbUrl, scenarios, timed }) {
  const before = await settledRows(dbUrl);
  let expected = 0;
  let failed = 0;
  for (const sc of scenarios) {
    const amount = sc.rows === 1 ? 5000 : 200;
    const r = await runAutocannon({ url, bodies: sc.bodies, connections: sc.connections, amount });
    expected += r.ok * sc.rows;
    failed += r.requests - r.ok;
  }
  return { before, expected, failed, timed };
}

/** After SIGTERM (the writer drains), compares rows with 200s for both parts. */
async function finishLogCheck(dbUrl, phase) {
  const logged = await loggedRows(dbUrl);
  const total = logged.success ?? 0;
  const exactRows = total - phase.before;
  const timedLost = Math.max(0, phase.timed.okRows - phase.before);
  const timedExtra = phase.before - phase.timed.okRows;
  return {
    timedOkRows: phase.timed.okRows,
    timedLogged: phase.before,
    timedLost,
    timedAbandonedBound: phase.timed.inFlightBound,
    timedExtraOk: timedExtra >= 0 && timedExtra <= phase.timed.inFlightBound,
    exactExpected: phase.expected,
    exactLogged: exactRows,
    exactFailed: phase.failed,
    errorRows: logged.error ?? 0,
    ok: timedLost === 0 && timedExtra <= phase.timed.inFlightBound && exactRows === phase.expected,
  };
}

module.exports = { exactPhase, finishLogCheck };
