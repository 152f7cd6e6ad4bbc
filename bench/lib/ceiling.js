// The Postgres ceiling of the batch scenario: how many rows per second a bare COPY of the rows (a)
// logged goes into the same table, over as many connections as the writer uses, on the same
// machine. (a)'s logged rows/s is then reported as a share of it.
const { once } = require('node:events');
const { Client } = require('pg');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');
const { uuidv7 } = require('uuidv7');

async function connect(url) {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

/** Up to `limit` successful rows (a) wrote, as COPY text lines without their id, and the columns. */
async function sampleRows(url, limit) {
  const c = await connect(url);
  try {
    const { rows: cols } = await c.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'prediction_log' AND table_schema = current_schema() AND is_generated = 'NEVER'
        ORDER BY ordinal_position`,
    );
    const columns = cols.map((r) => r.column_name).filter((n) => n !== 'id');
    const list = columns.map((n) => `"${n}"`).join(', ');
    // COPY's own text format, so the lines are exactly what a COPY takes back
    const out = c.query(
      copyTo(
        `COPY (SELECT ${list} FROM prediction_log WHERE status = 'success' LIMIT ${Number(limit)}) TO STDOUT`,
      ),
    );
    const chunks = [];
    for await (const chunk of out) chunks.push(chunk);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
    return { columns: ['id', ...columns], list: `"id", ${list}`, lines };
  } finally {
    await c.end();
  }
}

async function copyBatch(client, list, lines) {
  const stream = client.query(copyFrom(`COPY prediction_log (${list}) FROM STDIN`));
  stream.end(lines.map((l) => `${uuidv7()}\t${l}\n`).join(''));
  await once(stream, 'finish');
}

/**
 * Rows/s of `connections` clients each COPYing `batchSize`-row batches of (a)'s rows for `seconds`.
 * The rows go to the same table with fresh ids; they are counted after (a)'s log check, so they do
 * not mix with it.
 */
async function copyCeiling(url, { connections, batchSize, seconds }) {
  const sample = await sampleRows(url, batchSize);
  if (sample.lines.length === 0) return undefined;
  const batch = Array.from({ length: batchSize }, (_, i) => sample.lines[i % sample.lines.length]);
  const clients = await Promise.all(Array.from({ length: connections }, () => connect(url)));
  let rows = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < deadline) {
          await copyBatch(client, sample.list, batch);
          rows += batch.length;
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return { rowsPerSecond: rows / elapsed, rows, connections, batchSize, seconds: elapsed };
}

module.exports = { copyCeiling };
