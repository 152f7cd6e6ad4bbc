#!/usr/bin/env node
// `npm test`: lint, format and type checks, a build (some tests run the built server as a real
// process), then jest against a real Postgres: DATABASE_URL when set, else an embedded server.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { startEmbeddedPostgres } = require('./lib/embedded-db');
const { missingTools } = require('./lib/test-tools');
const { checkNodeVersion } = require('./lib/node-version');

function run(label, cmd, args, env = process.env) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  checkNodeVersion();
  const missing = missingTools();
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((t) => t.debianPackage))].join(' ');
    process.stderr.write(
      `npm test needs ${missing.map((t) => t.name).join(', ')}, which some tests run for real.\n` +
        `Install them with:\n  sudo apt-get update && sudo apt-get install -y ${packages}\n`,
    );
    process.exit(1);
  }
  // straight paths: some of these packages do not export their bin files
  const bin = (name) => join(__dirname, '..', 'node_modules', name);
  run('lint', process.execPath, [bin('eslint/bin/eslint.js'), '.', '--max-warnings', '0']);
  run('format', process.execPath, [
    bin('prettier/bin/prettier.cjs'),
    '--check',
    'src',
    'test',
    'migrations',
    'scripts',
    'bench',
    'clients',
    'bin',
  ]);
  run('typecheck', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
  run('build', process.execPath, [bin('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);

  const env = { ...process.env, TZ: 'UTC' };
  let embedded;
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_PG_PORT || 54330);
    embedded = await startEmbeddedPostgres({
      dataDir: '.data/postgres-test',
      port,
      database: 'sightline_test',
    });
    env.DATABASE_URL = embedded.url;
    process.stdout.write(`no DATABASE_URL: tests use an embedded Postgres on 127.0.0.1:${port}\n`);
  }
  const jest = spawnSync(process.execPath, [bin('jest/bin/jest.js'), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
  });
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(jest.status ?? 1);
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
