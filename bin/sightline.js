#!/usr/bin/env node
// The `sightline` command (package.json "bin"; `npm run keys` is `sightline keys`). Builds first
// when the compiled CLI is missing or older than the sources, as `npm start` would.
const { execFileSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'cli', 'main.js');

function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) latest = Math.max(latest, newest(path));
    else if (e.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(entry).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = ['src', 'migrations', join('clients', 'typescript', 'src')].map((d) => join(root, d));
if (builtAt() < Math.max(...sources.map(newest))) {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (err) {
    // tsc still emits on type errors; go on if the CLI itself was built
    if (!builtAt()) throw err;
    process.stderr.write('sightline: the build reported errors (above); using what it emitted\n');
  }
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(`sightline: ${err.stack || err.message}\n`);
    process.exit(1);
  });
