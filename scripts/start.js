#!/usr/bin/env node
// `npm start`: build, then run Sightline with the OpenTelemetry SDK loaded first. Without
// DATABASE_URL it starts an embedded Postgres in ./.data so one command gives a working service.
const { spawn, execFileSync } = require('node:child_process');
const { startEmbeddedPostgres } = require('./lib/embedded-db');
const { SERVER_ARGS } = require('./lib/server-args');
const { checkNodeVersion } = require('./lib/node-version');

async function main() {
  checkNodeVersion();
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  let embedded;
  const env = { ...process.env };
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT || 54329);
    embedded = await startEmbeddedPostgres({ dataDir: '.data/postgres', port, database: 'sightline' });
    env.DATABASE_URL = embedded.url;
    process.stdout.write(`sightline: no DATABASE_URL, using embedded Postgres on 127.0.0.1:${port}\n`);
  }
  const child = spawn(process.execPath, SERVER_ARGS, {
    env,
    stdio: 'inherit',
  });
  const forward = (signal) => child.kill(signal);
  process.on('SIGTERM', forward);
  process.on('SIGINT', forward);
  child.on('exit', async (code, signal) => {
    if (embedded) await embedded.stop().catch(() => {});
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((err) => {
  process.stderr.write(`sightline: ${err.stack || err}\n`);
  process.exit(1);
});
