// The bench's own database on the DATABASE_URL server, fresh for every run.
const { Client } = require('pg');

const NAME = 'sightline_bench';

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin(serverUrl, sql) {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A fresh `sightline_bench` database (plus `suffix`, for servers that each need their own). */
async function createBenchDatabase(serverUrl, suffix = '') {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${NAME}${suffix} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${NAME}${suffix}`);
  return withDatabase(serverUrl, `${NAME}${suffix}`);
}

async function dropBenchDatabase(serverUrl, suffix = '') {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${NAME}${suffix} WITH (FORCE)`);
}

/** Rows in the prediction log by status. */
async function loggedRows(url) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT status, count(*)::int AS n FROM prediction_log GROUP BY status');
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    await c.end();
  }
}

module.exports = { createBenchDatabase, dropBenchDatabase, loggedRows };
