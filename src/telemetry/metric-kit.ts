import { Counter, Histogram, Registry } from 'prom-client';

/**
 * Latency buckets from 25 µs to 10 s: a small tabular model answers in tens of microseconds,
 * a cold or overloaded one in seconds, and both must land in a bucket of their own.
 */
export const LATENCY_BUCKETS = [
  0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
  5, 10,
];

/** Rows per session run: powers of two up to the largest batch MAX_BATCH_SIZE allows by default. */
export const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096];

/**
 * A histogram whose buckets keep the trace id of their latest sample. prom-client refuses
 * exemplar-enabled metrics on a registry in Prometheus text mode, so the family is registered
 * by hand: the scrape endpoint renders it as OpenMetrics (with exemplars) or as plain text.
 */
export function exemplarHistogram<T extends string>(
  registry: Registry,
  config: { name: string; help: string; labelNames: readonly T[]; buckets: number[] },
): Histogram<T> {
  const histogram = new Histogram<T>({ ...config, registers: [], enableExemplars: true });
  registry.registerMetric(histogram);
  return histogram;
}

export function counter<T extends string>(
  registry: Registry,
  config: { name: string; help: string; labelNames?: readonly T[] },
): Counter<T> {
  return new Counter<T>({ ...config, registers: [registry] });
}

/** Exemplar labels for the current trace, or none when the trace is not recorded. */
export function traceExemplar(traceId: string | undefined): Record<string, string> | undefined {
  return traceId ? { trace_id: traceId } : undefined;
}
