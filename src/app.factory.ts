import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { uuidv7 } from './common/ids/uuidv7';
import { AppModule } from './app.module';
import { isPublicRoute } from './auth/public-routes';
import { PROTOCOL_SCHEMAS } from './inference-protocol/dto/openapi-schemas';
import { isProtocolPath } from './inference-protocol/http/protocol-http';
import { installFastAsyncResourceBind } from './common/perf/async-resource-bind';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter';
import { applyRequestDecompression } from './common/http/content-encoding';
import { applyInputLimits } from './common/http/input-limits';
import { setupOpenApi } from './common/http/openapi';
import { applyResponseCompression } from './common/http/response-compression';
import { applySecurityHeaders } from './common/http/security-headers';
import { strictValidationPipe } from './common/http/validation';
import { AppConfig } from './config/app-config';
import { installHttpTelemetry } from './telemetry/http-telemetry';
import { createRootLogger, PinoNestLogger } from './telemetry/logger';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A client's X-Request-Id is kept only when it is short and plain; anything else gets a fresh id. */
function requestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : uuidv7();
}

/** Builds the application exactly as production runs it; tests call this too. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  // before Fastify and Nest bind anything: Node 22/24's AsyncResource.bind costs ~2 µs a call
  const fastBind = config.fastAsyncResourceBind && installFastAsyncResourceBind();
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: requestId,
    requestIdHeader: false,
    logger: false,
    // a slow client must not hold a socket forever
    requestTimeout: config.limits.requestTimeoutMs,
    // `/v2/` is how the protocol's own OpenAPI document writes the server metadata path
    routerOptions: { maxParamLength: config.limits.maxParamLength, ignoreTrailingSlash: true },
    // bigger headers get Node's own 431 before any of our code runs
    http: { maxHeaderSize: config.limits.maxHeaderBytes },
  });
  const rootLogger = createRootLogger(config.logLevel);
  if (fastBind) {
    rootLogger.info(
      `Node ${process.versions.node}: AsyncResource.prototype.bind replaced by one without its deprecation wrappers (~2 µs a call saved; FAST_ASYNC_RESOURCE_BIND=false keeps Node's)`,
    );
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(rootLogger),
    // Fastify's own JSON parser (prototype-poisoning checks, proper error codes), and no text/plain
    // parser, so any content type but JSON is a 415
    bodyParser: false,
  });
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  // exit through process.exit, not by re-raising the signal: the 'exit' event is where pino's
  // asynchronous destination writes out the last lines (the shutdown's own) before the process ends
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.header('x-request-id', String(req.id));
    done();
  });
  applySecurityHeaders(fastify);
  applyRequestDecompression(fastify);
  applyInputLimits(fastify, config.limits);
  applyResponseCompression(fastify);
  fastify.server.maxHeadersCount = 100;
  fastify.server.headersTimeout = Math.min(10_000, config.limits.requestTimeoutMs);
  // metrics, the request log line and the x-trace-id header (docs/observability.md)
  installHttpTelemetry(app, rootLogger);
  setupOpenApi(app, {
    isPublic: isPublicRoute,
    usesProtocolErrors: isProtocolPath,
    schemas: PROTOCOL_SCHEMAS,
  });
  await app.init();
  return app;
}
