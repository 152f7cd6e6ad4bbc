import { HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { problemFor } from '../../common/errors/problem-map';

export interface ProtocolError {
  status: number;
  error: string;
}

// Fastify's body-parsing errors, in the protocol's words (they happen before any controller runs)
const FASTIFY: Record<string, ProtocolError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'the body is empty: send an inference request' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'the body exceeds the size limit (V2_MAX_BODY_BYTES)' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error:
      'unsupported content type: send application/json, or the binary tensor extension with an Inference-Header-Content-Length header',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'Content-Length does not match the body' },
};
// errors whose own message says it best (they carry their status)
const OWN_MESSAGE = new Set(['SIGHTLINE_UNSUPPORTED_CONTENT_ENCODING', 'SIGHTLINE_BAD_CONTENT_ENCODING']);

const logger = new Logger('InferenceProtocol');

/**
 * Any error as the protocol's `{"error": "..."}` with its status: 400 for a bad request (including
 * tensors the graph refuses to run), 404 for an unknown model or version, 503 for a version that is
 * not ready, 413/415 for bodies the server will not read, 500 (without details) for the rest.
 */
export function toProtocolError(exception: unknown, requestId: string): ProtocolError {
  if (exception instanceof DomainError) {
    switch (exception.code) {
      case 'validation_failed':
        return { status: 400, error: validationMessage(exception) };
      case 'inference_failed':
        // v2 clients build every tensor themselves, so a graph that cannot run them is a bad request
        return { status: 400, error: exception.message };
      case 'model_not_found':
      case 'version_not_found':
      case 'not_found':
      case 'no_default_model':
        return { status: 404, error: exception.message };
      case 'model_not_ready':
        return { status: 503, error: exception.message };
      default: {
        const { status } = problemFor(exception.code);
        return status >= 500 ? internal(requestId) : { status, error: exception.message };
      }
    }
  }
  const code = (exception as { code?: string })?.code ?? '';
  const known = FASTIFY[code];
  if (known) return known;
  if (OWN_MESSAGE.has(code))
    return { status: statusOf(exception) ?? 400, error: (exception as Error).message };
  const status = statusOf(exception);
  if (status !== undefined && status >= 400 && status < 500) {
    const message =
      exception instanceof HttpException ? httpMessage(exception) : (exception as Error).message;
    return { status, error: message || 'bad request' };
  }
  return internal(requestId);
}

/** Writes the protocol error for a request, logging server faults (never sending their details). */
export function sendProtocolError(exception: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const { status, error } = toProtocolError(exception, String(req.id));
  if (status >= 500) logger.error({ err: exception, request_id: req.id }, 'v2 request failed');
  // protocol-http.ts makes the type exactly application/json on the way out
  void reply.status(status).send({ error });
}

// The v2 checks raise one self-contained message (it names the input); other checks (the global
// input limits) give a message relative to a field, so the field goes in front.
function validationMessage(exception: DomainError): string {
  const { errors, message } = exception;
  if (errors.length === 0 || (errors.length === 1 && errors[0].message === message)) return message;
  return errors.map((e) => `${e.field} ${e.message}`).join('; ');
}

function internal(requestId: string): ProtocolError {
  return { status: 500, error: `the server failed to handle the request (request id ${requestId})` };
}

function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function httpMessage(exception: HttpException): string {
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}
