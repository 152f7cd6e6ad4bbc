import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { HttpMetrics, ModelLabeler, UNMATCHED_ROUTE } from './http.metrics';
import { attachTelemetry, REQUEST_TELEMETRY_KEY, RequestTelemetry, telemetryOf } from './request-scope';
import { activeSpanContext, sampledTraceId } from './tracing';

/** The response header that hands the trace id back to the client (documented in docs/observability.md). */
export const TRACE_ID_HEADER = 'x-trace-id';

// probes and scrapes arrive every few seconds: their request lines are debug, not info
const QUIET_ROUTES = /^\/(metrics|health)(\/|$)/;

/**
 * Fastify hooks for what every request owes the operator: the trace id header, one histogram
 * sample and one log line (route template, status, model, duration, request and trace ids).
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
    const sc = activeSpanContext();
    if (sc) {
      telemetry.traceId = sc.traceId;
      telemetry.spanId = sc.spanId;
      telemetry.sampled = sampledTraceId(sc) !== undefined;
      void reply.header(TRACE_ID_HEADER, sc.traceId);
    }
    attachTelemetry(req, telemetry);
    done();
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
      duration_ms: Math.round(reply.elapsedTime * 1000) / 1000,
    };
    if (QUIET_ROUTES.test(route)) logger.debug(line, 'request completed');
    else logger.info(line, 'request completed');
    done();
  });
}
