import { SpanContext } from '@opentelemetry/api';

/**
 * The span that enqueued each log record, so the batch insert that later writes it can join
 * that request's trace. Held weakly: a record written (or journaled and re-read) is forgotten.
 */
const parents = new WeakMap<object, SpanContext>();

export function rememberTraceParent(record: object, parent: SpanContext): void {
  parents.set(record, parent);
}

export function traceParentOf(record: object): SpanContext | undefined {
  return parents.get(record);
}
