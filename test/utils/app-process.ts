import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_MODELS, REPO_ROOT } from './test-app';

const MAIN = join(REPO_ROOT, 'dist', 'src', 'main.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(MAIN).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * `npm test` builds before jest; run alone, a test that needs the built server builds it when
 * any source is newer than dist (one build at a time across jest workers).
 */
export async function ensureBuilt(): Promise<void> {
  const stale = () =>
    builtAt() < Math.max(newestSource(join(REPO_ROOT, 'src')), newestSource(join(REPO_ROOT, 'migrations')));
  if (!stale()) return;
  const lock = join(tmpdir(), 'sightline-build.lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`${lock} is stuck: remove it`);
      await sleep(200);
    }
  }
  try {
    if (stale()) {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
        cwd: REPO_ROOT,
        stdio: 'pipe',
      });
    }
  } finally {
    rmdirSync(lock);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node dist/src/main.js` as production would (tracing off), and waits until it is live. */
export async function startAppProcess(env: Record<string, string>, waitLive = true): Promise<AppProcess> {
  const port = env.PORT ?? String(await freePort());
  const chunks: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      TZ: 'UTC',
      OTEL_SDK_DISABLED: 'true',
      MODELS_DIR: DEMO_MODELS,
      HOST: '127.0.0.1',
      SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => chunks.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => chunks.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const app: AppProcess = {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => chunks.join(''),
    exited,
  };
  if (!waitLive) return app;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${app.baseUrl}/health/live`)).status === 200) return app;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not come up:\n${app.output().slice(-4000)}`);
}
