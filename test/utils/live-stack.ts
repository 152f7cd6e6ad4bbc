import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './observability-files';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` returns something other than undefined; the error names what never came. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `gave up after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`,
      );
    }
    await sleep(250);
  }
}

/** A child process whose output is kept (the tail goes into failure messages) and that is always stopped. */
export class ManagedProcess {
  private readonly output: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly name: string,
    command: string,
    args: string[],
    options: { env?: Record<string, string>; cwd?: string } = {},
  ) {
    this.child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  tail(chars = 3000): string {
    return `--- ${this.name} output ---\n${this.output.join('').slice(-chars)}`;
  }

  /** SIGTERM, then SIGKILL after `graceMs` if the process is still there. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm test` builds before jest; a lone run rebuilds when dist/ is missing or older than the sources. */
export function ensureBuilt(): void {
  const main = join(ROOT, 'dist', 'src', 'main.js');
  const sources = Math.max(newestMtime(join(ROOT, 'src')), newestMtime(join(ROOT, 'migrations')));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`the build (tsc -p tsconfig.build.json) failed:\n${stdout ?? ''}${stderr ?? ''}`, {
      cause: err,
    });
  }
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** The parts of Prometheus' HTTP API the alert tests read. */
export class PrometheusApi {
  constructor(readonly base: string) {}

  private async get<T>(path: string, params: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${this.base}${path}?${new URLSearchParams(params)}`);
    const body = (await res.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${path} ${JSON.stringify(params)}: ${body.error}`);
    return body.data;
  }

  async query(expr: string): Promise<PromSample[]> {
    const data = await this.get<{ resultType: string; result: PromSample[] | [number, string] }>(
      '/api/v1/query',
      {
        query: expr,
      },
    );
    // a scalar result (`time() - ...` with no vector) reads as one sample without labels
    return data.resultType === 'scalar'
      ? [{ metric: {}, value: data.result as [number, string] }]
      : (data.result as PromSample[]);
  }

  labelValues(label: string, match: string): Promise<string[]> {
    return this.get<string[]>(`/api/v1/label/${label}/values`, { 'match[]': match });
  }

  rules(): Promise<{ groups: { rules: { name: string; health: string; lastError?: string }[] }[] }> {
    return this.get('/api/v1/rules');
  }

  exemplars(
    expr: string,
    start: number,
    end: number,
  ): Promise<{ exemplars: { labels: Record<string, string> }[] }[]> {
    return this.get('/api/v1/query_exemplars', { query: expr, start: String(start), end: String(end) });
  }

  targets(): Promise<{
    activeTargets: { labels: Record<string, string>; health: string; lastError: string }[];
  }> {
    return this.get('/api/v1/targets');
  }
}
