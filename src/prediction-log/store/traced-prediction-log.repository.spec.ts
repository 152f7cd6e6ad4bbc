import { SpanContext, TraceFlags } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { registerTestTracer } from '../../../test/utils/test-tracer';
import { LogBatch } from './log-batch';
import { PredictionLogRepository } from './prediction-log.repository';
import { PredictionRecord } from '../record/prediction-record';
import { rememberTraceParent } from '../../common/tracing/trace-parent';
import { TracedPredictionLogRepository } from './traced-prediction-log.repository';

const exporter = new InMemorySpanExporter();
const provider = registerTestTracer(exporter);

class StoreStub extends PredictionLogRepository {
  readonly batches: LogBatch[] = [];
  fail = false;
  insertMany(batch: LogBatch): Promise<number> {
    this.batches.push(batch);
    return this.fail ? Promise.reject(new Error('connection refused')) : Promise.resolve(batch.rows.length);
  }
}

/** Records as the writer hands them over: with their encoded rows. */
const batch = (records: PredictionRecord[]): LogBatch => ({
  columns: ['id'],
  rows: records.map((r) => Buffer.from(`${r.id}\n`)),
  records,
});

const record = (id: string) => ({ id }) as PredictionRecord;
const parent = (traceByte: string): SpanContext => ({
  traceId: traceByte.repeat(32),
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
});

describe(TracedPredictionLogRepository.name, () => {
  afterAll(() => provider.shutdown());
  beforeEach(() => exporter.reset());

  it('writes an untraced batch without a span', async () => {
    const store = new StoreStub();
    await expect(new TracedPredictionLogRepository(store).insertMany(batch([record('a')]))).resolves.toBe(1);
    expect(store.batches).toHaveLength(1);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });

  it('joins the first traced record’s trace and links the other traces once each', async () => {
    const records = [record('a'), record('b'), record('c'), record('d')];
    rememberTraceParent(records[1], parent('1'));
    rememberTraceParent(records[2], parent('2'));
    rememberTraceParent(records[3], parent('2'));
    await new TracedPredictionLogRepository(new StoreStub()).insertMany(batch(records));
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe('sightline.prediction_log.write');
    expect(span.spanContext().traceId).toBe('1'.repeat(32));
    expect(span.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span.links.map((l) => l.context.traceId)).toEqual(['2'.repeat(32)]);
    expect(span.attributes['sightline.prediction_log.records']).toBe(4);
  });

  it('records a failed write on the span and passes the error on', async () => {
    const store = new StoreStub();
    store.fail = true;
    const traced = record('a');
    rememberTraceParent(traced, parent('3'));
    await expect(new TracedPredictionLogRepository(store).insertMany(batch([traced]))).rejects.toThrow(
      'connection refused',
    );
    const [span] = exporter.getFinishedSpans();
    expect(span.status.code).toBe(2);
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });
});
