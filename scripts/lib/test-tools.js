// What the test suite needs besides Node and Postgres, checked before jest starts: a missing tool
// fails `npm test` with the command that installs it, rather than letting its tests go unrun.
// `.ci/run` installs exactly these packages.
const { spawnSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { delimiter, join } = require('node:path');

/** [what, Debian package, check]; a check returns true when the tool is usable. */
const TOOLS = [
  ['promtool', 'prometheus', () => onPath('promtool')],
  ['prometheus', 'prometheus', () => onPath('prometheus')],
  ['amtool', 'prometheus-alertmanager', () => onPath('amtool')],
  ['alertmanager', 'prometheus-alertmanager', () => onPath('alertmanager', 'prometheus-alertmanager')],
  ['chromium', 'chromium', () => executable('/usr/bin/chromium')],
  ['numpy (/usr/bin/python3)', 'python3-numpy', () => pythonImports('numpy')],
  ['scipy (/usr/bin/python3)', 'python3-scipy', () => pythonImports('scipy')],
  ['scikit-learn (/usr/bin/python3)', 'python3-sklearn', () => pythonImports('sklearn')],
  ['onnx (/usr/bin/python3)', 'python3-onnx', () => pythonImports('onnx')],
  // the read-replica test streams a standby from the PostgreSQL 15 server at DATABASE_URL
  [
    'pg_basebackup and postgres (PostgreSQL 15)',
    'postgresql-15',
    () => ['pg_basebackup', 'postgres'].every((b) => executable(`/usr/lib/postgresql/15/bin/${b}`)),
  ],
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(...names) {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return dirs.some((dir) => names.some((name) => executable(join(dir, name))));
}

function pythonImports(module) {
  return spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/** The tools that are missing, with the Debian packages that provide them. */
function missingTools() {
  return TOOLS.filter(([, , check]) => !check()).map(([name, debianPackage]) => ({ name, debianPackage }));
}

/** The Debian packages the suite needs, for .ci/run and the README. */
const DEBIAN_PACKAGES = [...new Set(TOOLS.map(([, pkg]) => pkg))];

module.exports = { missingTools, DEBIAN_PACKAGES };
