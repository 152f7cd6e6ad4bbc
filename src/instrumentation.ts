/**
 * Loaded with `node --require` before any application module, so the auto-instrumentations can
 * patch http, fastify and pg as they are first required. Configured only through the standard
 * OTEL_* variables (docs/observability.md); OTEL_SDK_DISABLED=true switches tracing off entirely.
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Span } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { applyTracingDefaults, httpInstrumentationEnabled } from './telemetry/tracing-defaults';
import { TRACING_HANDLE, TracingHandle } from './telemetry/tracing-handle';

applyTracingDefaults(process.env);
const nodeHttpSpans = httpInstrumentationEnabled(process.env);

// probes and scrapes every few seconds would bury the traces that matter
const UNTRACED = /^\/(metrics|health\/(live|ready))(\?|$)/;

function nameServerSpan(span: Span, request: FastifyRequest): void {
  const route = request.routeOptions.url;
  span.updateName(route ? `${request.method} ${route}` : request.method);
}

function start(): void {
  const sdk = new NodeSDK({
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-http': {
          ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED.test(req.url ?? ''),
        },
        // a query outside any traced work (migrations, health pings) is noise, not a trace
        '@opentelemetry/instrumentation-pg': { requireParentSpan: true },
      }),
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        // one request span and one handler span; a span per lifecycle hook costs more than it tells
        instrumentHooks: false,
        ignorePaths: (route: { url: string }) => UNTRACED.test(route.url),
        // as the SERVER span of the request it is named as HTTP semantic conventions name one
        requestHook: nodeHttpSpans ? undefined : nameServerSpan,
      }),
    ],
  });
  sdk.start();
  // the app calls this as its last shutdown step (TracingLifecycle), after the log drain
  const handle: TracingHandle = { shutdown: () => sdk.shutdown() };
  (globalThis as Record<symbol, TracingHandle>)[TRACING_HANDLE] = handle;
}

if (!/^true$/i.test(process.env.OTEL_SDK_DISABLED ?? '')) start();
