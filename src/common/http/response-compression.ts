import type { FastifyInstance } from 'fastify';
import { promisify } from 'node:util';
import { deflate, gzip } from 'node:zlib';

type Coding = 'gzip' | 'deflate';

const COMPRESS: Record<Coding, (body: Buffer | string) => Promise<Buffer>> = {
  gzip: promisify(gzip),
  deflate: promisify(deflate),
};

/** Below this, compression costs more than the bytes it saves (the same default as @fastify/compress). */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * The coding to answer with for an Accept-Encoding header: gzip or deflate, whichever the client
 * ranks higher (gzip on a tie), never one it gave `q=0`; `*` stands for any coding not named.
 */
export function negotiateEncoding(header: string | undefined): Coding | undefined {
  if (!header) return undefined;
  const q: Partial<Record<Coding | '*', number>> = {};
  for (const part of header.split(',')) {
    const [token, ...params] = part.toLowerCase().split(';');
    const name = token.trim();
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((w) => w !== undefined);
    const value = weight === undefined ? 1 : Number(weight);
    if (name === 'gzip' || name === 'x-gzip') q.gzip = value;
    else if (name === 'deflate' || name === '*') q[name] = value;
  }
  const gz = q.gzip ?? q['*'] ?? 0;
  const df = q.deflate ?? q['*'] ?? 0;
  if (gz <= 0 && df <= 0) return undefined;
  return gz >= df ? 'gzip' : 'deflate';
}

/**
 * Compresses answers of at least COMPRESSION_THRESHOLD_BYTES when the request's Accept-Encoding
 * allows gzip or deflate (Triton's `response_compression_algorithm`, browsers, Python requests).
 * Streams and answers that already carry a Content-Encoding pass through. Binary-extension
 * answers keep Inference-Header-Content-Length as the length of the uncompressed JSON part,
 * which is what Triton's client reads after decompressing.
 */
export function applyResponseCompression(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (req, reply, payload, done) => {
    const accept = req.headers['accept-encoding'];
    if (accept === undefined) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    void reply.header('vary', 'accept-encoding');
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
    const coding = size >= COMPRESSION_THRESHOLD_BYTES ? negotiateEncoding(accept) : undefined;
    if (!coding || reply.hasHeader('content-encoding')) return done(null, payload);
    COMPRESS[coding](payload).then(
      (compressed) => {
        void reply.header('content-encoding', coding).removeHeader('content-length');
        done(null, compressed);
      },
      (err: Error) => done(err),
    );
  });
}
