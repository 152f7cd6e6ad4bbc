import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { DomainError, FieldError } from './domain-error';
import { loggableError } from './loggable-error';
import { FASTIFY_CLIENT_ERRORS, problemFor, problemTypeUri } from './problem-map';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

function isHealthResult(e: unknown): e is HttpException {
  if (!(e instanceof HttpException)) return false;
  const body = e.getResponse() as { status?: unknown; details?: unknown };
  return (
    typeof body === 'object' && body !== null && body.status === 'error' && typeof body.details === 'object'
  );
}

/**
 * The one place where errors become HTTP: RFC 9457 problem+json for everything,
 * including Fastify's own body-parsing errors, and never a stack trace to the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isHealthResult(exception)) {
      // terminus' own JSON shape is the contract of /health/ready, 503 included
      void reply.status(exception.getStatus()).send(exception.getResponse());
      return;
    }
    const problem = this.toProblem(exception);
    problem.instance = request.url?.split('?')[0];
    problem.request_id = String(request.id);
    if (problem.status >= 500) {
      this.logger.error({ err: loggableError(exception), request_id: request.id }, 'unhandled error');
    }
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }

  toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const { status, title } = problemFor(exception.code);
      const problem: ProblemDetails = {
        type: problemTypeUri(exception.code.replace(/_/g, '-')),
        title,
        status,
        detail: status >= 500 ? 'The server failed to handle the request' : exception.message,
        ...exception.extensions,
      };
      if (exception.errors.length > 0) problem.errors = exception.errors;
      return problem;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
      // Fastify's parser errors reach us wrapped as HttpExceptions: name them properly
      if (status === 400 && /JSON|prototype|constructor/i.test(detail))
        return {
          ...FASTIFY_CLIENT_ERRORS.FST_ERR_CTP_INVALID_JSON_BODY,
          type: problemTypeUri('malformed-json'),
          detail: `The body is not valid JSON: ${detail.slice(0, 200)}`,
        };
      if (status === 413)
        return {
          ...FASTIFY_CLIENT_ERRORS.FST_ERR_CTP_BODY_TOO_LARGE,
          type: problemTypeUri('payload-too-large'),
        };
      if (status === 415)
        return {
          ...FASTIFY_CLIENT_ERRORS.FST_ERR_CTP_INVALID_MEDIA_TYPE,
          type: problemTypeUri('unsupported-media-type'),
        };
      return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
    }
    const fastifyError = exception as { code?: string; statusCode?: number; message?: string };
    const known = fastifyError?.code ? FASTIFY_CLIENT_ERRORS[fastifyError.code] : undefined;
    if (known) {
      return { type: problemTypeUri(known.title.toLowerCase().replace(/ /g, '-')), ...known };
    }
    if (
      typeof fastifyError?.statusCode === 'number' &&
      fastifyError.statusCode >= 400 &&
      fastifyError.statusCode < 500
    ) {
      return {
        type: 'about:blank',
        title: 'Bad request',
        status: fastifyError.statusCode,
        detail: 'Bad request',
      };
    }
    return {
      type: 'about:blank',
      title: 'Internal server error',
      status: 500,
      detail: 'The server failed to handle the request',
    };
  }
}
