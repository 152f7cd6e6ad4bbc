// Starts a server under test as a child process, waits until it answers, and stops it with
// SIGTERM (so Sightline drains its prediction log) before anything is counted.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function waitReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was ready`);
    if ((await get(url)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready at ${url} after ${timeoutMs} ms`);
}

/**
 * `args` are arguments of `command` (this Node unless told otherwise), run in `cwd`; output goes to
 * `logFile` (pino writes one line per request in run a).
 */
async function startServer({ name, command, args, cwd, env, readyUrl, logFile, timeoutMs = 60_000 }) {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(command ?? process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  try {
    await waitReady(readyUrl, child, timeoutMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${name}: ${err.message} (see ${logFile})`, { cause: err });
  }
  return {
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', (code) => {
          clearTimeout(killer);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}

/** An OTLP/HTTP endpoint that accepts and discards spans, so run a exports as it would in production. */
function startOtlpSink(port) {
  let spansRequests = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      spansRequests++;
      res.writeHead(200, { 'content-type': req.headers['content-type'] || 'application/json' }).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ exports: () => spansRequests, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

module.exports = { startServer, startOtlpSink, get };
