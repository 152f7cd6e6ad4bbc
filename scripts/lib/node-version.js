// The Node versions Sightline runs on: package.json's `engines`, checked by `npm start` and
// `npm test` so an older Node fails with this message instead of somewhere deep in a dependency.
const { engines } = require('../../package.json');

/** [major, minor] of the lowest supported Node, read from `engines.node` (">=22.15.0"). */
function minimum() {
  const m = /^>=(\d+)\.(\d+)/.exec(engines.node);
  if (!m) throw new Error(`package.json engines.node is "${engines.node}", expected ">=MAJOR.MINOR.PATCH"`);
  return [Number(m[1]), Number(m[2])];
}

function checkNodeVersion(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  const [needMajor, needMinor] = minimum();
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  process.stderr.write(
    `Sightline needs Node.js ${engines.node} (22, 24 or 26; 24 is the LTS), and this is ${version}.\n`,
  );
  process.exit(1);
}

module.exports = { checkNodeVersion, minimum };
