import { AsyncLocalStorage } from 'node:async_hooks';

/** What Sightline knows about the request being served, for log lines and metrics. */
export interface RequestTelemetry {
  requestId: string;
  /** The trace the request belongs to, when one is known (incoming traceparent or a server span). */
  traceId?: string;
  spanId?: string;
  /** The trace is recorded, so an exemplar may point at it. */
  sampled: boolean;
}

/**
 * Carries the request through async work so every log line written while serving it names it,
 * whether or not an OpenTelemetry context manager is installed.
 */
export const requestScope = new AsyncLocalStorage<RequestTelemetry>();

const TELEMETRY = Symbol('sightline.request.telemetry');

type Carrier = { [TELEMETRY]?: RequestTelemetry | null };

export const REQUEST_TELEMETRY_KEY = TELEMETRY;

export function telemetryOf(req: object): RequestTelemetry | undefined {
  return (req as Carrier)[TELEMETRY] ?? undefined;
}

export function attachTelemetry(req: object, telemetry: RequestTelemetry): void {
  (req as Carrier)[TELEMETRY] = telemetry;
}
