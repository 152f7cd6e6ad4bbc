import { DomainErrorCode } from './domain-error';

export interface ProblemType {
  status: number;
  title: string;
}

/** Every domain error code mapped to its HTTP status; the switch is exhaustive on purpose. */
export function problemFor(code: DomainErrorCode): ProblemType {
  switch (code) {
    case 'validation_failed':
      return { status: 422, title: 'Validation failed' };
    case 'model_not_found':
      return { status: 404, title: 'Model not found' };
    case 'version_not_found':
      return { status: 404, title: 'Model version not found' };
    case 'prediction_not_found':
      return { status: 404, title: 'Prediction not found' };
    case 'not_found':
      return { status: 404, title: 'Not found' };
    case 'no_default_model':
      return { status: 404, title: 'No default model' };
    case 'model_not_ready':
      return { status: 503, title: 'Model not ready' };
    case 'feedback_conflict':
      return { status: 409, title: 'Feedback conflict' };
    case 'conflict':
      return { status: 409, title: 'Conflict' };
    case 'unauthorized':
      return { status: 401, title: 'Unauthorized' };
    case 'forbidden':
      return { status: 403, title: 'Forbidden' };
    case 'rate_limited':
      return { status: 429, title: 'Too many requests' };
    case 'inference_failed':
      return { status: 500, title: 'Inference failed' };
  }
}

/** Fastify's own client errors (raised before Nest sees the request), by Fastify error code. */
export const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    title: 'Malformed JSON',
    detail: 'The body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, title: 'Malformed JSON', detail: 'The JSON body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    title: 'Payload too large',
    detail: 'The body exceeds the limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    title: 'Unsupported media type',
    detail: 'Send the body as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    title: 'Bad request',
    detail: 'Content-Length does not match the body',
  },
  FST_ERR_CTP_INVALID_TYPE: { status: 415, title: 'Unsupported media type', detail: 'Invalid content type' },
  SIGHTLINE_UNSUPPORTED_CONTENT_ENCODING: {
    status: 415,
    title: 'Unsupported content encoding',
    detail: 'Send the body uncompressed or with Content-Encoding gzip or deflate',
  },
  SIGHTLINE_BAD_CONTENT_ENCODING: {
    status: 400,
    title: 'Malformed body',
    detail: 'The body does not decompress under its Content-Encoding',
  },
};

export function problemTypeUri(slug: string): string {
  return `urn:sightline:problem:${slug}`;
}
