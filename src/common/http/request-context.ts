import { trace } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';

/** Request id and trace id of the current request, for the prediction log. */
export function requestContext(req: FastifyRequest): { requestId: string | null; traceId: string | null } {
  const span = trace.getActiveSpan();
  const traceId = span?.spanContext().traceId;
  return { requestId: String(req.id), traceId: traceId && !/^0+$/.test(traceId) ? traceId : null };
}
