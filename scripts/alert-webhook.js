#!/usr/bin/env node
// A minimal Alertmanager webhook receiver: prints one line per alert of every notification it gets
// (the `alert-webhook` service of docker-compose.yml), and the receiver the alert tests listen with.
//   node scripts/alert-webhook.js            # listens on 0.0.0.0:${PORT:-8080}, path /alerts
const http = require('node:http');

const MAX_BODY = 4 * 1024 * 1024;

/** An http.Server that hands every Alertmanager notification (webhook body v4) to `onNotification`. */
function createAlertWebhook(onNotification) {
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200).end('ok\n');
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(400).end('not JSON\n');
        return;
      }
      onNotification(body, req.url);
      res.writeHead(200).end('ok\n');
    });
  });
}

/** `[FIRING] SightlineFeatureDrift model=loan-risk version=2 feature=income: <summary>` */
function describe(alert) {
  const { alertname, ...labels } = alert.labels ?? {};
  const pairs = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const summary = alert.annotations?.summary ?? '';
  const runbook = alert.annotations?.runbook_url ? ` (runbook: ${alert.annotations.runbook_url})` : '';
  return `[${String(alert.status).toUpperCase()}] ${alertname} ${pairs}: ${summary}${runbook}`;
}

if (require.main === module) {
  const port = Number(process.env.PORT || 8080);
  createAlertWebhook((body) => {
    for (const alert of body.alerts ?? [])
      process.stdout.write(`${new Date().toISOString()} ${describe(alert)}\n`);
  }).listen(port, process.env.HOST || '0.0.0.0', () => {
    process.stdout.write(`alert webhook listening on :${port}\n`);
  });
}

module.exports = { createAlertWebhook, describe };
