import { context, trace, TraceFlags } from '@opentelemetry/api';
import { registerTestTracer } from '../../test/utils/test-tracer';
import { Writable } from 'node:stream';
import { correlationFields, createRootLogger } from './logger';
import { requestScope } from './request-scope';

const SPAN = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };

function capture(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe(correlationFields.name, () => {
  // registers the AsyncLocalStorage context manager the SDK uses in production
  let provider: ReturnType<typeof registerTestTracer>;
  beforeAll(() => {
    provider = registerTestTracer();
  });
  afterAll(() => provider.shutdown());

  it('adds nothing outside a request and a trace', () => {
    expect(correlationFields()).toEqual({});
  });

  it('names the request and the active span on every line written inside them', () => {
    const { lines, stream } = capture();
    const logger = createRootLogger('info', stream);
    requestScope.run({ requestId: 'req-1', sampled: true }, () => {
      context.with(trace.setSpanContext(context.active(), SPAN), () => {
        logger.info('inside');
        logger.info({ trace_id: 'explicit' }, 'explicit wins');
      });
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({
      msg: 'inside',
      request_id: 'req-1',
      trace_id: SPAN.traceId,
      span_id: SPAN.spanId,
    });
    expect(lines[1]).toMatchObject({ trace_id: 'explicit', span_id: SPAN.spanId });
    expect(lines[2]).not.toHaveProperty('request_id');
    expect(lines[2]).not.toHaveProperty('trace_id');
  });

  it('falls back to the trace the request joined when no span is active (no SDK)', () => {
    const fields = requestScope.run(
      { requestId: 'req-2', traceId: SPAN.traceId, spanId: SPAN.spanId, sampled: false },
      () => correlationFields(),
    );
    expect(fields).toEqual({ request_id: 'req-2', trace_id: SPAN.traceId, span_id: SPAN.spanId });
  });

  it('ignores an invalid span context', () => {
    const invalid = { traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: TraceFlags.NONE };
    const fields = context.with(trace.setSpanContext(context.active(), invalid), () => correlationFields());
    expect(fields).toEqual({});
  });
});
