#!/usr/bin/env node
// The floor for `npm run bench`: node:http + onnxruntime-node, one session call per request, no
// validation, no logging, no metrics. It encodes rows from the same manifest as Sightline and
// answers the same JSON, so the difference to Sightline is everything Sightline does besides.
//   node bench/bare-server.js [--port 3999] [--model models/loan-risk/2]
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const ort = require('onnxruntime-node');
const { arg } = require('./lib/args');

const port = Number(arg('port', '3999'));
const dir = path.resolve(arg('model', 'models/loan-risk/2'));
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const input = manifest.inputs[0];
const byName = new Map(manifest.features.map((f) => [f.name, f]));
const columns = [];
let width = 0;
for (const name of input.features) {
  const f = byName.get(name);
  columns.push({ f, offset: width });
  width += f.type === 'numeric' ? 1 : f.categories.length;
}

function encode(rows) {
  const data = new Float32Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    for (const { f, offset } of columns) {
      const v = rows[r][f.name];
      if (f.type === 'numeric') data[r * width + offset] = v ?? f.default ?? 0;
      else {
        const i = f.categories.indexOf(v);
        if (i >= 0) data[r * width + offset + i] = 1;
      }
    }
  }
  return new ort.Tensor('float32', data, [rows.length, width]);
}

function decode(fetches, rows) {
  const out = new Array(rows);
  if (manifest.task === 'regression') {
    const v = fetches[manifest.outputs.value].data;
    for (let r = 0; r < rows; r++) out[r] = { prediction: v[r] };
    return out;
  }
  const p = fetches[manifest.outputs.probabilities].data;
  const k = manifest.labels.length;
  for (let r = 0; r < rows; r++) {
    const probabilities = {};
    let best = 0;
    for (let c = 0; c < k; c++) {
      probabilities[manifest.labels[c]] = p[r * k + c];
      if (p[r * k + c] > p[r * k + best]) best = c;
    }
    out[r] = { prediction: manifest.labels[best], probabilities };
  }
  return out;
}

async function main() {
  const session = await ort.InferenceSession.create(path.join(dir, 'model.onnx'), {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: 1,
  });
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end();
        return;
      }
      const rows = body.instances ?? [body.features];
      session.run({ [input.name]: encode(rows) }).then(
        (fetches) => {
          const items = decode(fetches, rows.length);
          const payload = body.instances ? { predictions: items } : items[0];
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
        },
        (err) => res.writeHead(500).end(String(err)),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1', () => process.stdout.write(`bare server on 127.0.0.1:${port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

main().catch((err) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
