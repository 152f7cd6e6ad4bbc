import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/**
 * What the SDK's start does for a process, for one jest file: a tracer provider with the given
 * exporter (or none), AsyncLocalStorage context propagation and W3C traceparent headers.
 */
export function registerTestTracer(exporter?: InMemorySpanExporter): TracerProvider {
  const provider = new TracerProvider({
    spanProcessors: exporter ? [new SimpleSpanProcessor({ exporter })] : [],
  });
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return provider;
}
