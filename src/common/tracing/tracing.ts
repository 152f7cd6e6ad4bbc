import {
  Attributes,
  context,
  isSpanContextValid,
  Span,
  SpanContext,
  SpanStatusCode,
  trace,
  TraceFlags,
  Tracer,
} from '@opentelemetry/api';
import { DomainError } from '../errors/domain-error';

/**
 * The tracer of Sightline's own spans. Without an SDK (OTEL_SDK_DISABLED=true) this is the API's
 * no-op tracer, so a span costs a function call and no allocation worth measuring.
 */
export const tracer: Tracer = trace.getTracer('sightline');

/** Span names are fixed strings (low cardinality); what varies goes into attributes. */
export const SPAN = {
  predict: 'sightline.predict',
  validate: 'sightline.validate',
  preprocess: 'sightline.preprocess',
  inference: 'sightline.inference',
  enqueueLog: 'sightline.enqueue_log',
  logWrite: 'sightline.prediction_log.write',
  job: (name: string) => `sightline.job.${name}`,
} as const;

export const ATTR = {
  modelName: 'sightline.model.name',
  modelVersion: 'sightline.model.version',
  batchSize: 'sightline.batch.size',
  predictionId: 'sightline.prediction.id',
  predictionIds: 'sightline.prediction.ids',
  requestId: 'sightline.request.id',
  logRecords: 'sightline.prediction_log.records',
  jobName: 'sightline.job.name',
  errorType: 'error.type',
} as const;

/** A span attribute holds at most this many prediction ids; a 1,000-row batch is summarised. */
export const MAX_IDS_ON_SPAN = 100;

/**
 * Marks the span failed with the error's class. Client mistakes (a DomainError other than an
 * inference failure) carry no stack worth keeping, so only real failures are recorded as events.
 */
export function failSpan(span: Span, err: unknown): void {
  const type = err instanceof DomainError ? err.code : err instanceof Error ? err.name : 'unknown';
  span.setAttribute(ATTR.errorType, type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
  if (!(err instanceof DomainError) || err.code === 'inference_failed') {
    span.recordException(err instanceof Error ? err : String(err));
  }
}

/**
 * The active span when its trace is sampled out: with the parent-based samplers its children would
 * not be recorded either, so request-path steps run in it instead of creating spans to throw away.
 * Span creation is most of what tracing costs an unsampled request (BENCHMARKS.md). The sampled
 * flag, not isRecording(), decides: a caller's sampled span, propagated in, is never recording here.
 */
function unrecorded(): Span | undefined {
  const active = trace.getActiveSpan();
  return active && !(active.spanContext().traceFlags & TraceFlags.SAMPLED) ? active : undefined;
}

/** Runs a request's work in a new active span that ends when the work settles. */
export function inActiveSpan<T>(
  name: string,
  attributes: Attributes | undefined,
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const skip = unrecorded();
  if (skip) return fn(skip);
  return tracer.startActiveSpan(name, { attributes }, (span) => endWith(span, fn(span)));
}

/** Runs a synchronous step inside a child span of the active one. */
export function inSpan<T>(name: string, fn: (span: Span) => T): T {
  const skip = unrecorded();
  if (skip) return fn(skip);
  const span = tracer.startSpan(name);
  try {
    return fn(span);
  } catch (err) {
    failSpan(span, err);
    throw err;
  } finally {
    span.end();
  }
}

/** Ends the span when the work settles, recording a failure; the promise is returned unchanged. */
export function endWith<T>(span: Span, work: Promise<T>): Promise<T> {
  return work.then(
    (value) => {
      span.end();
      return value;
    },
    (err: unknown) => {
      failSpan(span, err);
      span.end();
      throw err;
    },
  );
}

function valid(sc: SpanContext | undefined): sc is SpanContext {
  return sc !== undefined && isSpanContextValid(sc);
}

/** The active span's context when it belongs to a real trace (sampled or not). */
export function activeSpanContext(): SpanContext | undefined {
  const sc = trace.getSpan(context.active())?.spanContext();
  return valid(sc) ? sc : undefined;
}

/** The trace id an exemplar may point at: only sampled traces exist in the backend. */
export function sampledTraceId(sc: SpanContext | undefined = activeSpanContext()): string | undefined {
  return sc && sc.traceFlags & TraceFlags.SAMPLED ? sc.traceId : undefined;
}

/** Runs an asynchronous step in a child span of the active one; a synchronous throw counts too. */
export function inSpanAsync<T>(name: string, fn: () => Promise<T>, attributes?: Attributes): Promise<T> {
  if (unrecorded()) return fn();
  const span = tracer.startSpan(name, { attributes });
  let work: Promise<T>;
  try {
    work = fn();
  } catch (err) {
    work = Promise.reject(err as Error);
  }
  return endWith(span, work);
}
