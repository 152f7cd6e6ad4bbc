import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import {
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { TRACE_ID_HEADER } from './http-telemetry';
import { requestScope, RequestTelemetry, telemetryOf } from './request-scope';

/**
 * Runs each handler inside the request scope, so log lines written while serving it carry its
 * ids. When no server span exists (the HTTP instrumentation is off, or the app runs in-process
 * as in the tests), the caller's W3C traceparent is honoured here instead, so Sightline's own
 * spans still join the caller's trace.
 */
@Injectable()
export class RequestScopeInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<FastifyRequest>();
    const telemetry: RequestTelemetry = telemetryOf(req) ?? { requestId: String(req.id), sampled: false };
    // Nest binds the handler to the async context current when handle() is called
    return requestScope.run(telemetry, () => {
      if (telemetry.traceId) return next.handle();
      const remote = propagation.extract(ROOT_CONTEXT, req.headers);
      const sc = trace.getSpanContext(remote);
      if (!sc || !isSpanContextValid(sc)) return next.handle();
      telemetry.traceId = sc.traceId;
      telemetry.spanId = sc.spanId;
      telemetry.sampled = (sc.traceFlags & TraceFlags.SAMPLED) !== 0;
      void ctx.switchToHttp().getResponse<FastifyReply>().header(TRACE_ID_HEADER, sc.traceId);
      return context.with(remote, () => next.handle());
    });
  }
}
