#!/usr/bin/env node
// `npm run migrate`: apply pending migrations with the same DataSource options the app uses.
const { execFileSync } = require('node:child_process');

execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
  stdio: 'inherit',
});
if (!process.env.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/sightline\n');
  process.exit(2);
}
const { default: dataSource } = require('../dist/src/database/cli-data-source.js');
dataSource
  .initialize()
  .then(async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ') || 'none'}\n`,
    );
    await dataSource.destroy();
  })
  .catch((err) => {
    process.stderr.write(`migration failed: ${err.message}\n`);
    process.exit(1);
  });
