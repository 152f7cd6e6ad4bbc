import { errorCodes } from 'fastify';
import type { Readable } from 'node:stream';
import { InferenceBody } from '../request/infer-request';

/** A malformed binary-extension body; Fastify reports it as a 400 with this message. */
export class BinaryBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'SIGHTLINE_V2_BINARY_BODY';
}

type JsonParse = (text: string) => unknown;

/**
 * Splits a binary-extension body: the first Inference-Header-Content-Length bytes are the JSON
 * inference request, the rest the tensors' binary data. Without the header the whole body is JSON.
 */
export function splitBinaryBody(
  body: Buffer,
  headerLength: string | undefined,
  parse: JsonParse,
): InferenceBody {
  if (headerLength === undefined) return new InferenceBody(parse(body.toString('utf8')));
  const n = /^\d{1,15}$/.test(headerLength.trim()) ? Number(headerLength) : NaN;
  if (!(n <= body.byteLength))
    throw new BinaryBodyError(
      `Inference-Header-Content-Length must be an integer between 0 and the body length (${body.byteLength}), got "${headerLength.slice(0, 20)}"`,
    );
  return new InferenceBody(parse(body.subarray(0, n).toString('utf8')), body.subarray(n));
}

/** Reads a request body up to `limit` bytes, as Fastify's own parsers do. */
export function readBody(
  payload: Readable,
  limit: number,
  contentLength: string | undefined,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = contentLength === undefined ? NaN : Number(contentLength);
    if (declared > limit) return reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = (): void => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onEnd);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        cleanup();
        reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (err?: Error & { statusCode?: number }): void => {
      cleanup();
      if (err) {
        err.statusCode ??= 400;
        return reject(err);
      }
      // a decompressed body (see content-encoding.ts) is checked by its encoded length, as Fastify does
      const encoded = (payload as { receivedEncodedLength?: number }).receivedEncodedLength;
      if (!Number.isNaN(declared) && (encoded || received) !== declared)
        return reject(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
      resolve(Buffer.concat(chunks, received));
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onEnd);
    payload.resume();
  });
}
