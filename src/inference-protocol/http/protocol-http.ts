import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorCodes } from 'fastify';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  onSendHookHandler,
  RouteOptions,
} from 'fastify';
import type { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { readBody, splitBinaryBody } from './binary-body';
import { sendProtocolError } from './protocol-errors';

/** Route config that marks the v2 inference routes (see `@RouteConfig` on the controller). */
export const PROTOCOL_ROUTE = { sightlineInferenceProtocol: true } as const;

const HEADER_LENGTH = 'inference-header-content-length';
const OCTET_STREAM = /^application\/octet-stream\s*(;|$)/i;
// what v2 clients label a JSON inference request with: tritonclient sends no type at all, its aio
// variant application/octet-stream, urllib a form type
const JSON_BODY_TYPES =
  /^(application\/(json|[\w.+-]+\+json|octet-stream|x-www-form-urlencoded)|multipart\/form-data)\s*(;|$)/i;

function isProtocolRoute(config: unknown): boolean {
  return (config as Partial<typeof PROTOCOL_ROUTE> | undefined)?.sightlineInferenceProtocol === true;
}

// KServe's client reads an error message only when the type is exactly this, and Fastify gives
// every JSON answer a charset (which JSON does not have: RFC 8259 §11)
const exactJsonType: onSendHookHandler = (_req, reply, payload, done) => {
  if (reply.getHeader('content-type') === 'application/json; charset=utf-8')
    void reply.header('content-type', 'application/json');
  done(null, payload);
};

function noRoute(req: FastifyRequest): NotFoundException {
  const path = req.url.split('?')[0].slice(0, 200);
  return new NotFoundException(`no route ${req.method} ${path}: see /docs for the v2 endpoints`);
}

/** Every route under /v2 answers errors as `{"error"}`, the inference routes and the rest alike. */
export function isProtocolPath(url: string | undefined): boolean {
  return url === '/v2' || (url?.startsWith('/v2/') ?? false);
}

// The binary extension (the header, whatever the content type) and JSON under any of the types
// above all go to the one parser below, which tells them apart by the header. Only the v2
// inference routes carry this hook; any other type stays a 415.
const protocolContentType: onRequestHookHandler = (req, _reply, done) => {
  const type = req.headers['content-type'];
  if (req.headers[HEADER_LENGTH] !== undefined || type === undefined || JSON_BODY_TYPES.test(type))
    req.headers['content-type'] = 'application/octet-stream';
  done();
};

/**
 * The HTTP side of the v2 routes, wired into Fastify while Nest builds the providers (routes are
 * registered right after, so the onRoute hook sees them): `{"error"}` bodies for every error under
 * /v2, raised before a controller runs (auth, bad JSON, 413, 415) or for no route at all (404); for
 * the inference routes their own body limit (V2_MAX_BODY_BYTES) and one parser for JSON and the
 * binary tensor extension. Every other route keeps the global limit and still gets a 415 for any
 * content type but JSON.
 */
@Injectable()
export class ProtocolHttp {
  constructor(host: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const fastify = host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== 'function') return;
    const onError = (err: Error, req: FastifyRequest, reply: FastifyReply) =>
      sendProtocolError(err, req, reply);
    fastify.addHook('onRoute', (route: RouteOptions) => {
      if (isProtocolPath(route.url)) {
        route.errorHandler = onError;
        route.onSend = [...(route.onSend ? [route.onSend].flat() : []), exactJsonType];
      }
      if (!isProtocolRoute(route.config)) return;
      route.bodyLimit = config.inferenceProtocol.maxBodyBytes;
      const existing = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [...existing, protocolContentType];
    });
    // unknown routes under /v2 (a 404 context of their own, with the same error handler for auth)
    void fastify.register(
      (v2, _opts, registered) => {
        v2.setErrorHandler(onError);
        v2.addHook('onSend', exactJsonType);
        v2.setNotFoundHandler((req, reply) => sendProtocolError(noRoute(req), req, reply));
        registered();
      },
      { prefix: '/v2' },
    );
    const defaultJson = fastify.getDefaultJsonParser('error', 'error');
    const parseJson = (text: string): unknown => {
      let out: unknown;
      // Fastify's default JSON parser (prototype-poisoning checks) answers synchronously
      void defaultJson({} as FastifyRequest, text, (err, value) => {
        if (err) throw err;
        out = value;
      });
      return out;
    };
    fastify.addContentTypeParser('*', (req: FastifyRequest, payload: Readable, done) => {
      // what Fastify does for an unknown route without a parser: let the 404 handler answer
      if (req.is404) return done(null, undefined);
      const header = req.headers[HEADER_LENGTH];
      const ours = OCTET_STREAM.test(req.headers['content-type'] ?? '');
      if (!isProtocolRoute(req.routeOptions.config) || !ours)
        return done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(), undefined);
      readBody(payload, req.routeOptions.bodyLimit, req.headers['content-length']).then(
        (body) => {
          try {
            done(null, splitBinaryBody(body, typeof header === 'string' ? header : undefined, parseJson));
          } catch (err) {
            done(err as Error, undefined);
          }
        },
        (err: Error) => done(err, undefined),
      );
    });
  }
}
