#!/usr/bin/env node
// Steady demo traffic for the docker compose stack (service `traffic`), so the dashboards have data:
// predictions for every demo model sampled from its reference data, feedback (the true label) for a
// share of them after a delay, and, from DRIFT_AFTER_SECONDS on, loan-risk inputs that drift.
//   SIGHTLINE_URL=http://localhost:3000 node scripts/demo-traffic.js
const fs = require('node:fs');
const path = require('node:path');

/** Rows of a reference.csv as `{ features, target }`; numeric cells become numbers. */
function readReference(file) {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const features = {};
    let target;
    line.split(',').forEach((cell, i) => {
      const value = cell !== '' && Number.isFinite(Number(cell)) ? Number(cell) : cell;
      if (columns[i] === '__target__') target = value;
      else if (!columns[i].startsWith('__') && cell !== '') features[columns[i]] = value;
    });
    return { features, target };
  });
}

/** The latest version directory of each model that keeps a reference.csv. */
function referenceFiles(modelsDir) {
  const files = {};
  for (const model of fs.readdirSync(modelsDir)) {
    const dir = path.join(modelsDir, model);
    if (!fs.statSync(dir).isDirectory()) continue;
    const versions = fs
      .readdirSync(dir)
      .filter((v) => fs.existsSync(path.join(dir, v, 'reference.csv')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) files[model] = path.join(dir, versions[0], 'reference.csv');
  }
  return files;
}

/** Loan applicants poorer and with worse credit than the training population: income and credit_score drift. */
function driftLoanRisk(features) {
  return {
    ...features,
    income: Math.round(features.income * 0.35),
    credit_score: Math.max(300, features.credit_score - 160),
  };
}

const pick = (rows) => rows[Math.floor(Math.random() * rows.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

async function main(env) {
  const base = (env.SIGHTLINE_URL || 'http://localhost:3000').replace(/\/$/, '');
  const rps = Number(env.RPS || 4);
  const feedbackShare = Number(env.FEEDBACK_SHARE || 0.3);
  const feedbackDelayMs = Number(env.FEEDBACK_DELAY_SECONDS || 30) * 1000;
  const driftAfterMs =
    env.DRIFT_AFTER_SECONDS === 'never' ? Infinity : Number(env.DRIFT_AFTER_SECONDS || 900) * 1000;
  const references = Object.entries(referenceFiles(env.MODELS_DIR || 'models')).map(([model, file]) => ({
    model,
    rows: readReference(file),
  }));
  const started = Date.now();
  let lastError = 0;
  process.stdout.write(
    `sending ${rps} predictions/s to ${base} for ${references.map((r) => r.model).join(', ')}\n`,
  );
  for (let i = 0; ; i++) {
    const { model, rows } = references[i % references.length];
    const row = pick(rows);
    const drifting = model === 'loan-risk' && Date.now() - started > driftAfterMs;
    const features = drifting ? driftLoanRisk(row.features) : row.features;
    post(`${base}/v1/models/${model}/predict`, { features })
      .then(({ status, body }) => {
        if (status === 200 && Math.random() < feedbackShare) {
          setTimeout(() => {
            post(`${base}/v1/predictions/${body.prediction_id}/feedback`, { actual: row.target }).catch(
              () => {},
            );
          }, feedbackDelayMs);
        }
      })
      .catch((err) => {
        if (Date.now() - lastError > 10_000) {
          lastError = Date.now();
          process.stderr.write(`prediction failed (is the app up?): ${err.message}\n`);
        }
      });
    await sleep(1000 / rps);
  }
}

if (require.main === module) {
  main(process.env).catch((err) => {
    process.stderr.write(`${err.stack || err}\n`);
    process.exit(1);
  });
}

module.exports = { readReference, referenceFiles, driftLoanRisk };
