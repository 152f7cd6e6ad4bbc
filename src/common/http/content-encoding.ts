import { errorCodes } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

/** A Content-Encoding Sightline does not decode (RFC 9110 §15.5.16: 415). */
export class UnsupportedContentEncodingError extends Error {
  readonly statusCode = 415;
  readonly code = 'SIGHTLINE_UNSUPPORTED_CONTENT_ENCODING';
}

/** A body that does not decompress under the encoding it claims. */
export class BadContentEncodingError extends Error {
  readonly statusCode = 400;
  readonly code = 'SIGHTLINE_BAD_CONTENT_ENCODING';
}

/**
 * Counts decompressed bytes and fails the body at the route's limit. Fastify's own limit check
 * only stops listening; this stops the inflater, so a small bomb cannot burn CPU inflating
 * gigabytes nobody reads. `receivedEncodedLength` is what Fastify compares with Content-Length.
 */
class BoundedBody extends Transform {
  receivedEncodedLength = 0;
  private decoded = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.decoded += chunk.length;
    if (this.decoded > this.limit) return done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    done(null, chunk);
  }
}

/** `gzip`/`x-gzip`, or `deflate` in its HTTP meaning (the zlib format, as Python's zlib.compress writes). */
function inflaterFor(encoding: string): Transform | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return createGunzip();
  if (encoding === 'deflate') return createInflate();
  return undefined;
}

export function decompressedBody(source: Readable, encoding: string, limit: number): Readable {
  const inflater = inflaterFor(encoding);
  if (!inflater)
    throw new UnsupportedContentEncodingError(
      `Content-Encoding "${encoding.slice(0, 40)}" is not supported: send gzip, deflate or identity`,
    );
  const body = new BoundedBody(limit);
  // counts what came off the wire; a 'data' listener on the source would keep it flowing after unpipe
  const encoded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      body.receivedEncodedLength += chunk.length;
      done(null, chunk);
    },
  });
  source.on('error', (err) => body.destroy(err));
  inflater.on('error', () =>
    body.destroy(new BadContentEncodingError(`the body is not valid ${encoding} data`)),
  );
  body.on('error', () => {
    source.unpipe(encoded);
    encoded.destroy();
    inflater.destroy();
  });
  source.pipe(encoded).pipe(inflater).pipe(body);
  return body;
}

/**
 * Request bodies sent with `Content-Encoding: gzip` or `deflate` (Triton's client does this with
 * `request_compression_algorithm`) are decompressed before any parser reads them, so every route
 * and parser sees plain bytes and the body limit applies to the decompressed size.
 */
export function applyRequestDecompression(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (req, _reply, payload, done) => {
    const header = req.headers['content-encoding'];
    if (header === undefined) return done(null, payload);
    const encoding = header.trim().toLowerCase();
    if (encoding === '' || encoding === 'identity') return done(null, payload);
    try {
      done(null, decompressedBody(payload, encoding, req.routeOptions.bodyLimit));
    } catch (err) {
      done(err as Error);
    }
  });
}
