import { applyTracingDefaults, httpInstrumentationEnabled } from './tracing-defaults';

describe('applyTracingDefaults', () => {
  it('samples one request in ten, follows callers, and traces Postgres beside the Fastify span', () => {
    const env: Record<string, string | undefined> = {};
    applyTracingDefaults(env);
    expect(env).toEqual({
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_SERVICE_NAME: 'sightline',
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'pg',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
    expect(httpInstrumentationEnabled(env)).toBe(false);
  });

  it('leaves what the operator set alone, and adds no ratio to a sampler chosen by them', () => {
    const env: Record<string, string | undefined> = {
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_NODE_ENABLED_INSTRUMENTATIONS: 'http, pg',
      OTEL_SERVICE_NAME: 'scoring',
    };
    applyTracingDefaults(env);
    expect(env.OTEL_TRACES_SAMPLER).toBe('traceidratio');
    expect(env.OTEL_TRACES_SAMPLER_ARG).toBeUndefined();
    expect(env.OTEL_SERVICE_NAME).toBe('scoring');
    expect(httpInstrumentationEnabled(env)).toBe(true);
  });

  it('keeps an operator ratio with the default sampler', () => {
    const env: Record<string, string | undefined> = { OTEL_TRACES_SAMPLER_ARG: '1' };
    applyTracingDefaults(env);
    expect(env.OTEL_TRACES_SAMPLER).toBe('parentbased_traceidratio');
    expect(env.OTEL_TRACES_SAMPLER_ARG).toBe('1');
  });
});
