import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Context, context, isSpanContextValid, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { HttpMetrics, ModelLabeler, UNMATCHED_ROUTE } from './http.metrics';
import {
  attachTelemetry,
  REQUEST_TELEMETRY_KEY,
  requestScope,
  RequestTelemetry,
  telemetryOf,
} from './request-scope';
import { activeSpanContext, sampledTraceId } from '../common/tracing/tracing';

/** The response header that hands the trace id back to the client (documented in docs/observability.md). */
export const TRACE_ID_HEADER = 'x-trace-id';

// probes and scrapes arrive every few seconds: their request lines are debug, not info
const QUIET_ROUTES = /^\/(metrics|health)(\/|$)/;

/**
 * The caller's W3C traceparent, for when no server span exists (the HTTP instrumentation is off,
 * or the app runs in-process as in the tests): Sightline's own spans still join the caller's trace.
 */
function remoteParent(headers: IncomingHttpHeaders): Context | undefined {
  if (headers.traceparent === undefined) return undefined;
  const remote = propagation.extract(ROOT_CONTEXT, headers);
  const sc = trace.getSpanContext(remote);
  return sc && isSpanContextValid(sc) ? remote : undefined;
}

/**
 * Fastify hooks for what every request owes the operator: the request scope (so log lines
 * written while serving it name it), the trace id header, one histogram sample and one log line
 * (route template, status, model, duration, request and trace ids). The scope is entered here
 * rather than in a Nest interceptor: Fastify carries it through body parsing, and the request
 * skips the interceptor's rxjs chain (BENCHMARKS.md).
 */
export function installHttpTelemetry(app: NestFastifyApplication, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(HttpMetrics);
  const labeler = app.get(ModelLabeler);
  const metricsOn = app.get<AppConfig>(APP_CONFIG).metrics.enabled !== false;
  fastify.decorateRequest(REQUEST_TELEMETRY_KEY as unknown as string, null);

  fastify.addHook('onRequest', (req, reply, done) => {
    const telemetry: RequestTelemetry = { requestId: String(req.id), sampled: false };
    // with the SDK loaded the HTTP server span is active here, already joined to any traceparent
    const server = activeSpanContext();
    const remote = server ? undefined : remoteParent(req.headers);
    const sc = server ?? (remote && trace.getSpanContext(remote));
    if (sc) {
      telemetry.traceId = sc.traceId;
      telemetry.spanId = sc.spanId;
      telemetry.sampled = sampledTraceId(sc) !== undefined;
      void reply.header(TRACE_ID_HEADER, sc.traceId);
    }
    attachTelemetry(req, telemetry);
    requestScope.run(telemetry, () => (remote ? context.with(remote, done) : done()));
  });

  fastify.addHook('onResponse', (req, reply, done) => {
    const telemetry = telemetryOf(req);
    const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
    const model = route === UNMATCHED_ROUTE ? '' : labeler.label(route, req.params);
    const seconds = reply.elapsedTime / 1000;
    if (metricsOn)
      metrics.observe({
        route,
        method: req.method,
        statusCode: reply.statusCode,
        model,
        seconds,
        traceId: telemetry?.sampled ? telemetry.traceId : undefined,
      });
    const line = {
      request_id: telemetry?.requestId ?? String(req.id),
      ...(telemetry?.traceId && { trace_id: telemetry.traceId, span_id: telemetry.spanId }),
      route,
      method: req.method,
      status: reply.statusCode,
      model: model || undefined,
      // the API key's name or the token's name claim (AUTH_JWT_NAME_CLAIM), already scrubbed
      caller: (req as { principal?: { keyName?: string | null } }).principal?.keyName ?? undefined,
      duration_ms: Math.round(reply.elapsedTime * 1000) / 1000,
    };
    if (QUIET_ROUTES.test(route)) logger.debug(line, 'request completed');
    else logger.info(line, 'request completed');
    done();
  });
}
