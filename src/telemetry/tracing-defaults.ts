type Env = Record<string, string | undefined>;

/** The default head-sampling ratio for requests that arrive without a sampled traceparent. */
const DEFAULT_SAMPLE_RATIO = '0.1';

/**
 * Sightline's defaults for the standard OTEL_* variables, applied before the SDK reads them;
 * anything an operator sets wins. Measured in BENCHMARKS.md: tracing every request at the
 * SDK's own defaults cost more than half of the service's throughput.
 */
export function applyTracingDefaults(env: Env): void {
  // prom-client owns metrics and pino owns logs: keep the SDK from starting OTLP exporters for them
  env.OTEL_METRICS_EXPORTER ||= 'none';
  env.OTEL_LOGS_EXPORTER ||= 'none';
  env.OTEL_SERVICE_NAME ||= 'sightline';
  // Postgres; the HTTP server span comes from @fastify/otel (Node's http instrumentation on top
  // of it cost ~20% of requests per second in the bench). Operators may widen the list
  // ("http,pg,ioredis"); pino's is left out because logger.ts correlates lines itself
  env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ||= 'pg';
  if (!env.OTEL_TRACES_SAMPLER) {
    // a caller's sampled traceparent is always followed; of the rest, one request in ten is traced
    env.OTEL_TRACES_SAMPLER = 'parentbased_traceidratio';
    env.OTEL_TRACES_SAMPLER_ARG ||= DEFAULT_SAMPLE_RATIO;
  }
}

/** Node's http instrumentation is on, so it makes the SERVER span and Fastify's is internal. */
export function httpInstrumentationEnabled(env: Env): boolean {
  return (env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ?? '')
    .split(',')
    .map((s) => s.trim())
    .includes('http');
}
