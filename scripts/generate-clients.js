#!/usr/bin/env node
// `npm run clients:generate`: builds and starts the server, writes its OpenAPI document to
// clients/openapi.json and the TypeScript SDK's types to clients/typescript/src/generated/schema.ts.
// The contract test (test/e2e/openapi-contract.e2e-spec.ts) fails while either is stale.
const { execFileSync, spawn } = require('node:child_process');
const { writeFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { clientTypes } = require('./lib/client-types');
const { startEmbeddedPostgres } = require('./lib/embedded-db');

const ROOT = join(__dirname, '..');

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function documentFromServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 300; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/docs/openapi.json`);
        if (res.ok) return await res.json();
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error('the server exited before answering');
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not answer /docs/openapi.json');
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const env = { ...process.env };
  let embedded;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: '.data/postgres', port: 54329, database: 'sightline' });
    env.DATABASE_URL = embedded.url;
  }
  try {
    const document = await documentFromServer(env);
    writeFileSync(join(ROOT, 'clients', 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    writeFileSync(
      join(ROOT, 'clients', 'typescript', 'src', 'generated', 'schema.ts'),
      await clientTypes(document),
    );
    process.stdout.write('wrote clients/openapi.json and clients/typescript/src/generated/schema.ts\n');
  } finally {
    if (embedded) await embedded.stop().catch(() => {});
  }
}

main().catch((err) => {
  process.stderr.write(`clients:generate: ${err.stack || err}\n`);
  process.exit(1);
});
