import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProtocolError } from './protocol-errors';

/**
 * The v2 endpoints answer errors in the protocol's own `{"error": "..."}` shape rather than the
 * problem+json of the rest of the API, because that is what v2 clients parse.
 */
@Catch()
export class ProtocolErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProtocolError(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }
}
