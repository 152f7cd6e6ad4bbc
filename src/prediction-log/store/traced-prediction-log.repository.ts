import { Link, ROOT_CONTEXT, SpanContext, SpanKind, trace } from '@opentelemetry/api';
import { LogBatch } from './log-batch';
import { PredictionLogRepository } from './prediction-log.repository';
import { traceParentOf } from '../../common/tracing/trace-parent';
import { ATTR, endWith, SPAN, tracer } from '../../common/tracing/tracing';

// span links beyond this add bytes, not insight
const MAX_LINKS = 32;

/**
 * Traces the batched insert. One insert writes records of many requests: the span (and the pg
 * query span beneath it) joins the trace of the batch's first traced record and links the
 * others, so a request's trace shows where its log record went. Untraced batches (sampled out,
 * replayed from the journal) add no span at all.
 */
export class TracedPredictionLogRepository extends PredictionLogRepository {
  constructor(private readonly inner: PredictionLogRepository) {
    super();
  }

  override insertMany(batch: LogBatch): Promise<number> {
    let parent: SpanContext | undefined;
    const links: Link[] = [];
    const seen = new Set<string>();
    for (const record of batch.records ?? []) {
      const sc = traceParentOf(record);
      if (!sc || seen.has(sc.traceId)) continue;
      seen.add(sc.traceId);
      if (!parent) parent = sc;
      else if (links.length < MAX_LINKS) links.push({ context: sc });
    }
    if (!parent) return this.inner.insertMany(batch);
    return tracer.startActiveSpan(
      SPAN.logWrite,
      { kind: SpanKind.INTERNAL, links, attributes: { [ATTR.logRecords]: batch.rows.length } },
      trace.setSpanContext(ROOT_CONTEXT, parent),
      (span) => endWith(span, this.inner.insertMany(batch)),
    );
  }
}
