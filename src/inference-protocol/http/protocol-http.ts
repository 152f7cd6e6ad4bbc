import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { errorCodes } from 'fastify';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import type { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { readBody, splitBinaryBody } from './binary-body';
import { sendProtocolError } from './protocol-errors';

/** Route config that marks the v2 inference routes (see `@RouteConfig` on the controller). */
export const PROTOCOL_ROUTE = { sightlineInferenceProtocol: true } as const;

const HEADER_LENGTH = 'inference-header-content-length';
const OCTET_STREAM = /^application\/octet-stream\s*(;|$)/i;

function isProtocolRoute(config: unknown): boolean {
  return (config as Partial<typeof PROTOCOL_ROUTE> | undefined)?.sightlineInferenceProtocol === true;
}

// Clients of the binary extension send the header with no content type, application/octet-stream,
// or even application/json (which Fastify's JSON parser would choke on): route them all to the
// binary parser below. Only the v2 inference routes carry this hook.
const binaryContentType: onRequestHookHandler = (req, _reply, done) => {
  if (req.headers[HEADER_LENGTH] !== undefined) req.headers['content-type'] = 'application/octet-stream';
  done();
};

/**
 * The HTTP side of the v2 inference routes, wired into Fastify while Nest builds the providers
 * (routes are registered right after, so the onRoute hook sees them): their own body limit
 * (V2_MAX_BODY_BYTES), a parser for the binary tensor extension, and `{"error"}` bodies for
 * errors raised before a controller runs (bad JSON, 413, 415). Every other route keeps the global
 * limit and still gets a 415 for any content type but JSON.
 */
@Injectable()
export class ProtocolHttp {
  constructor(host: HttpAdapterHost, @Inject(APP_CONFIG) config: AppConfig) {
    const fastify = host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (typeof fastify?.addHook !== 'function') return;
    fastify.addHook('onRoute', (route: RouteOptions) => {
      if (!isProtocolRoute(route.config)) return;
      route.bodyLimit = config.inferenceProtocol.maxBodyBytes;
      route.errorHandler = (err, req, reply) => sendProtocolError(err, req, reply);
      const existing = route.onRequest ? [route.onRequest].flat() : [];
      route.onRequest = [...existing, binaryContentType];
    });
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
      const binary = OCTET_STREAM.test(req.headers['content-type'] ?? '');
      if (!isProtocolRoute(req.routeOptions.config) || !binary)
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
