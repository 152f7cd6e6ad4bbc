import type { paths } from './generated/schema';

export type Method = 'get' | 'put' | 'post' | 'delete';
/** The paths that have an operation for `M`. */
export type PathsFor<M extends Method> = {
  [P in keyof paths]: undefined extends paths[P][M] ? never : P;
}[keyof paths];
export type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

type Parameters<O> = O extends { parameters: infer X } ? X : never;
type PathOf<O> = Parameters<O> extends { path: infer X } ? X : undefined;
type QueryOf<O> = Parameters<O> extends { query?: infer X } ? X : undefined;
type BodyOf<O> = O extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? undefined
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : undefined
  : undefined;

type Responses<O> = O extends { responses: infer R } ? R : never;
type Success<O> = Responses<O>[Extract<keyof Responses<O>, 200 | 201>];
/** The JSON (or text) a successful call answers with. */
export type ResultOf<O> =
  Success<O> extends { content: { 'application/json': infer J } }
    ? J
    : Success<O> extends { content: { 'text/html': infer H } }
      ? H
      : Success<O> extends { content: { 'text/plain': infer T } }
        ? T
        : undefined;

/** What a call takes: path parameters, query and body exactly as the operation declares them. */
export type RequestOf<O> = (PathOf<O> extends undefined ? { path?: undefined } : { path: PathOf<O> }) &
  (QueryOf<O> extends undefined ? { query?: undefined } : { query?: QueryOf<O> }) &
  (BodyOf<O> extends undefined ? { body?: undefined } : { body: BodyOf<O> }) & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

/** A problem+json error (v1) or the protocol's `{"error"}` (v2). */
export interface ErrorBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  error?: string;
  [extension: string]: unknown;
}

/** Any answer that is not 2xx. */
export class SightlineError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    readonly requestId: string | undefined,
  ) {
    super(SightlineError.describe(status, body));
    this.name = 'SightlineError';
  }

  /** Field errors of a 422, `[]` otherwise. */
  get fieldErrors(): { field: string; message: string }[] {
    return this.body?.errors ?? [];
  }

  private static describe(status: number, body: ErrorBody | undefined): string {
    if (body?.error) return `${status}: ${body.error}`;
    const head = [body?.title, body?.detail].filter(Boolean).join(': ') || `HTTP ${status}`;
    const fields = (body?.errors ?? []).map((e) => `${e.field} ${e.message}`);
    return fields.length ? `${head} (${fields.join('; ')})` : head;
  }
}

export interface TransportOptions {
  /** Where Sightline listens, e.g. http://localhost:3000 (a path prefix is kept). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Another fetch (tests, proxies, retries); the global one by default. */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/** One typed HTTP call per operation of the OpenAPI document; the SDK's methods are built on it. */
export class Transport {
  private readonly base: string;
  private readonly fetcher: typeof fetch;

  constructor(private readonly options: TransportOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The URL of a path with its parameters and query filled in. */
  url(path: string, params?: Record<string, string>, query?: Record<string, unknown>): string {
    const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const value = params?.[name];
      if (value === undefined) throw new TypeError(`${path} needs the path parameter "${name}"`);
      return encodeURIComponent(value);
    });
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) search.set(k, String(v));
    const qs = search.toString();
    return `${this.base}${filled}${qs ? `?${qs}` : ''}`;
  }

  async call<M extends Method, P extends PathsFor<M>>(
    method: M,
    path: P,
    request: RequestOf<Operation<P, M>>,
  ): Promise<ResultOf<Operation<P, M>>> {
    const req = request as { path?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.fetcher(this.url(path, req.path, req.query), {
      method: method.toUpperCase(),
      headers: { ...headers, ...request.headers },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: request.signal,
    });
    const type = res.headers.get('content-type') ?? '';
    const parsed: unknown = /json/.test(type) ? await res.json() : await res.text();
    if (!res.ok) {
      const body = typeof parsed === 'object' && parsed !== null ? (parsed as ErrorBody) : undefined;
      throw new SightlineError(res.status, body, res.headers.get('x-request-id') ?? undefined);
    }
    return parsed as ResultOf<Operation<P, M>>;
  }
}
