// The three servers `npm run bench` compares, as node arguments and environment.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MODEL_DIR = path.join(ROOT, 'models', 'loan-risk', '2');

const common = {
  HOST: '127.0.0.1',
  NODE_ENV: 'production',
  // the bench measures the prediction path; API keys and rate limits are measured elsewhere
  AUTH_ALLOW_OPEN: 'true',
  SANITIZE_HMAC_KEY: 'sightline-bench-hmac-key-0123456789',
  MODELS_DIR: path.join(ROOT, 'models'),
  DEFAULT_MODEL: 'loan-risk',
};
// started exactly as `npm start` starts it
const sightline = require('../../scripts/lib/server-args').SERVER_ARGS;

/** `key` a, b or c; `outDir` holds logs and the journal; `otlpPort` the span sink of run a. */
function target(key, { dbUrl, outDir, otlpPort }) {
  const journal = { PREDICTION_LOG_JOURNAL_DIR: path.join(outDir, `journal-${key}`) };
  switch (key) {
    case 'a':
      return {
        key,
        label: '(a) Sightline, all on',
        port: 3901,
        args: sightline,
        readyPath: '/health/ready',
        env: {
          ...common,
          ...journal,
          DATABASE_URL: dbUrl,
          LOG_LEVEL: 'info',
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
        },
      };
    case 'b':
      return {
        key,
        label: '(b) Sightline, all off',
        port: 3902,
        args: sightline,
        readyPath: '/health/ready',
        env: {
          ...common,
          ...journal,
          DATABASE_URL: dbUrl,
          LOG_LEVEL: 'warn',
          PREDICTION_LOG_ENABLED: 'false',
          METRICS_ENABLED: 'false',
          OTEL_SDK_DISABLED: 'true',
        },
      };
    case 'c':
      return {
        key,
        label: '(c) bare node:http + ORT',
        port: 3903,
        args: [path.join(__dirname, '..', 'bare-server.js'), '--model', MODEL_DIR, '--port', '3903'],
        readyPath: '/',
        env: {},
      };
    default:
      throw new Error(`unknown target ${key}`);
  }
}

module.exports = { target, ROOT, MODEL_DIR };
