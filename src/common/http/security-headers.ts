import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

// JSON never needs to load anything: the strictest policy there is
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// inline scripts only (no src attribute): those are the ones a CSP hash has to allow
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The policy for our own HTML (the /docs page): scripts from this origin plus the page's inline
 * scripts by hash, so no 'unsafe-inline' for scripts; swagger-ui sets inline styles and data: icons.
 */
export function htmlCsp(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Security headers on every answer, errors included. */
export function applySecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_req, reply, done) => {
    void reply.headers({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': API_CSP,
      'cross-origin-opener-policy': 'same-origin',
    });
    done();
  });
  fastify.addHook('onSend', (_req, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html') && typeof payload === 'string') {
      void reply.header('content-security-policy', htmlCsp(payload));
    }
    // predictions and records are personal data: no shared cache may keep them
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
