// `--name value` and `--flag` from argv, without a dependency.
function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const next = process.argv[i + 1];
  return next === undefined || next.startsWith('--') ? 'true' : next;
}

/** `NAME=value,NAME=value` as an object; a value may itself contain `=` (e.g. NODE_OPTIONS=--flag=1). */
function envList(text) {
  return Object.fromEntries(
    (text || '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );
}

module.exports = { arg, envList };
