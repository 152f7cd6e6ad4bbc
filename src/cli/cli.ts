import { parseArgs, ParseArgsConfig } from 'node:util';
import { Sightline, SightlineError } from '../../clients/typescript/src';

/** A command line that cannot be run as written: the command's usage follows, exit code 2. */
export class UsageError extends Error {}

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Raw text on stderr (the progress bar). */
  write(text: string): void;
  /** stderr is a terminal: progress redraws in place. */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** SIGINT handlers; the default is process.on. */
  onInterrupt(handler: () => void): () => void;
}

export const processIo = (): Io => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY === true,
  env: process.env,
  onInterrupt: (handler) => {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
});

type Options = NonNullable<ParseArgsConfig['options']>;

/** What every command accepts, wherever it appears on the line. */
export const GLOBAL_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies Options;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** The command's arguments, or a UsageError naming the option that is wrong. */
export function parse(args: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...GLOBAL_OPTIONS, ...options },
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** One command's view of the world: its io, its parsed arguments, the server. */
export class Context {
  constructor(
    readonly io: Io,
    readonly args: Parsed,
  ) {}

  get json(): boolean {
    return this.args.values.json === true;
  }

  string(name: string): string | undefined {
    const value = this.args.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** A whole number option, within bounds. */
  count(name: string, fallback: number, min: number, max: number): number {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new UsageError(`--${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
    return n;
  }

  get url(): string {
    return this.string('url') ?? this.io.env.SIGHTLINE_URL ?? 'http://localhost:3000';
  }

  client(): Sightline {
    return new Sightline({
      baseUrl: this.url,
      apiKey: this.string('api-key') ?? this.io.env.SIGHTLINE_API_KEY,
    });
  }

  /** A value for a person (aligned text) or for a script (`--json`: one JSON document). */
  print(value: unknown, human: () => string[]): void {
    if (this.json) this.io.out(JSON.stringify(value));
    else for (const line of human()) this.io.out(line);
  }
}

/** The error as a person reads it: the problem's title and detail, then each bad field. */
export function describeError(err: unknown, url: string): string[] {
  if (err instanceof SightlineError) {
    const body = err.body;
    const head =
      body?.error ?? ([body?.title, body?.detail].filter(Boolean).join(': ') || `HTTP ${err.status}`);
    const lines = [`error: ${head} (HTTP ${err.status})`];
    for (const e of err.fieldErrors) lines.push(`  ${e.field}: ${e.message}`);
    if (err.requestId) lines.push(`  request id: ${err.requestId}`);
    return lines;
  }
  if (err instanceof TypeError && err.message === 'fetch failed') {
    const why = networkCode(err.cause) ?? (err.cause as Error | undefined)?.message ?? 'no connection';
    return [`error: cannot reach ${url} (${why}); set --url or SIGHTLINE_URL`];
  }
  return [`error: ${(err as Error).message ?? String(err)}`];
}

/** fetch's network failure: the code of its cause, or of the first attempt (one per address). */
function networkCode(cause: unknown): string | undefined {
  const c = cause as { code?: unknown; errors?: unknown[] } | undefined;
  if (typeof c?.code === 'string') return c.code;
  return Array.isArray(c?.errors) ? networkCode(c.errors[0]) : undefined;
}
