import { context, ROOT_CONTEXT, Span, trace, TraceFlags } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../../../test/utils/test-tracer';
import { inActiveSpan, inSpan, inSpanAsync, tracer } from './tracing';

const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

/** Runs the three helpers the request path uses, one inside the other. */
async function steps(): Promise<{ seen: Span[]; result: number }> {
  const seen: Span[] = [];
  const result = await inActiveSpan('step.active', undefined, async (active) => {
    seen.push(active);
    const one = inSpan('step.sync', (span) => {
      seen.push(span);
      return 1;
    });
    return one + (await inSpanAsync('step.async', () => Promise.resolve(2)));
  });
  return { seen, result };
}

describe('request-path span helpers', () => {
  afterAll(() => provider.shutdown());
  beforeEach(() => exporter.reset());

  it('make child spans of a recorded span', async () => {
    const { result } = await tracer.startActiveSpan('root', async (root) => {
      const out = await steps();
      root.end();
      return out;
    });
    expect(result).toBe(3);
    const spans = exporter.getFinishedSpans();
    const byName = new Map(spans.map((s) => [s.name, s]));
    expect([...byName.keys()].sort()).toEqual(['root', 'step.active', 'step.async', 'step.sync']);
    const active = byName.get('step.active')!.spanContext().spanId;
    expect(byName.get('step.sync')!.parentSpanContext?.spanId).toBe(active);
    expect(byName.get('step.async')!.parentSpanContext?.spanId).toBe(active);
  });

  it("make child spans of a caller's sampled span that arrived by traceparent", async () => {
    const remote = trace.wrapSpanContext({
      traceId: 'c'.repeat(32),
      spanId: 'd'.repeat(16),
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
    const { result } = await context.with(trace.setSpan(ROOT_CONTEXT, remote), steps);
    expect(result).toBe(3);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name).sort()).toEqual(['step.active', 'step.async', 'step.sync']);
    expect(spans.every((s) => s.spanContext().traceId === 'c'.repeat(32))).toBe(true);
  });

  it('make no span under a request that was sampled out, and hand its span to the work', async () => {
    const unsampled = trace.wrapSpanContext({
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      traceFlags: TraceFlags.NONE,
    });
    const { seen, result } = await context.with(trace.setSpan(ROOT_CONTEXT, unsampled), steps);
    expect(result).toBe(3);
    expect(seen).toEqual([unsampled, unsampled]);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
