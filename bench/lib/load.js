// One load run against a URL with a fixed number of connections for a fixed duration, cycling
// through the given JSON bodies. wrk (C, one thread) leaves more of the 2 cores to the server
// under test than autocannon (Node); both report requests/s, p50, p99 and the status counts.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function wrkScript(bodies) {
  const list = bodies.map((b) => `[==[${b}]==]`).join(',\n');
  return `local bodies = {${list}}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
`;
}

const unit = { us: 1e-3, ms: 1, s: 1000, m: 60_000 };
const ms = (text) => {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? '');
  return m ? Number(m[1]) * unit[m[2]] : NaN;
};

function parseWrk(out) {
  const pick = (re) => (re.exec(out) || [])[1];
  const requests = Number(pick(/(\d+) requests in/));
  const non2xx = Number(pick(/Non-2xx or 3xx responses: (\d+)/) || 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: ms(pick(/^\s+50%\s+(\S+)$/m)),
    p99: ms(pick(/^\s+99%\s+(\S+)$/m)),
    requests,
    ok: requests - non2xx,
    non2xx,
    errors: socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0,
  };
}

function runWrk({ url, bodies, connections, seconds }) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sightline-bench-')), 'post.lua');
  fs.writeFileSync(script, wrkScript(bodies));
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    '--timeout',
    '10s',
    '-s',
    script,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      fs.rmSync(path.dirname(script), { recursive: true, force: true });
      if (err) reject(new Error(`wrk failed: ${stderr || err.message}`));
      else {
        const r = parseWrk(stdout);
        // keep wrk's own words when a figure could not be read, so the table never hides a NaN
        if (!Number.isFinite(r.rps + r.p50 + r.p99)) r.raw = stdout;
        resolve(r);
      }
    });
  });
}

/** `amount` instead of `seconds` waits for every response, so the 200 count is exact. */
async function runAutocannon({ url, bodies, connections, seconds, amount }) {
  const autocannon = require('autocannon');
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[i++ % bodies.length] }) }],
  });
  const ok = result.statusCodeStats['200']?.count ?? 0;
  return {
    rps: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function hasWrk() {
  return (process.env.PATH || '').split(':').some((d) => d && fs.existsSync(path.join(d, 'wrk')));
}

function load(tool, options) {
  return tool === 'wrk' ? runWrk(options) : runAutocannon(options);
}

module.exports = { load, hasWrk, runAutocannon };
