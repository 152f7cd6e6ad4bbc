// `--baseline <git ref>`: that commit checked out in a worktree, its own packages installed and its
// server built, so its (a) runs beside today's in the same rounds: before/after is one run.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ROOT } = require('./targets');

function run(cmd, args, cwd) {
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Checks out and builds `ref`; `stop()` removes the worktree again. */
function prepareBaseline(ref) {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `sightline-baseline-${sha}-`));
  process.stdout.write(`baseline ${ref} (${sha}): checking out, installing and building in ${root}\n`);
  run('git', ['worktree', 'add', '--detach', '--force', root, sha], ROOT);
  try {
    // the npm cache holds what the lock file names; a commit's own lock decides its versions
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], root);
    run(
      process.execPath,
      [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      root,
    );
  } catch (err) {
    removeWorktree(root);
    throw new Error(`baseline ${ref}: ${err.message}`, { cause: err });
  }
  return { ref: sha, root, stop: () => removeWorktree(root) };
}

function removeWorktree(root) {
  try {
    run('git', ['worktree', 'remove', '--force', root], ROOT);
  } catch {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

module.exports = { prepareBaseline };
