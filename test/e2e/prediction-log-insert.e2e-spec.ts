import { TypeOrmPredictionLogRepository } from '../../src/prediction-log/store/prediction-log.repository';
import { PredictionRecord } from '../../src/prediction-log/record/prediction-record';
import { queryDb } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { logRecord } from '../utils/log-records';
import { batchOf, LogBatch } from '../../src/prediction-log/store/log-batch';
import { COLUMN_NAMES } from '../../src/prediction-log/store/log-columns';
import { uuidv7 } from '../../src/common/ids/uuidv7';

function record(overrides: Partial<PredictionRecord> = {}): PredictionRecord {
  return logRecord({
    inputs: {
      age: 42,
      employment: 'employed',
      note: 'quotes " and \\ and {braces}, ünïcödé 🚀, tab\there, line\nbreak, cr\r, \\N and \\.',
    },
    latencyMs: 1.25,
    requestId: 'req-1',
    ...overrides,
  });
}

/** The batched write (COPY, or the INSERT fallback for ids that exist) stores every value as given. */
describe(`${TypeOrmPredictionLogRepository.name} (e2e)`, () => {
  let t: TestApp;
  let repository: TypeOrmPredictionLogRepository;

  beforeAll(async () => {
    t = await startTestApp();
    repository = t.app.get(TypeOrmPredictionLogRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes each column of a batch exactly, NULLs as NULL, and skips ids it already has', async () => {
    const success = record();
    const failure = record({
      status: 'error',
      errorClass: 'validation_failed',
      inputs: { instances: [[1, 'x'], null] },
      metadata: { customer_id: 'hmac:abc', nested: { list: [1, 2.5, true, null] } },
      outputs: null,
      predictedLabel: null,
      latencyMs: 0.5,
      requestId: null,
      traceId: '0af7651916cd43dd8448eb211c80319c',
      source: 'v2',
      route: 'shadow',
      primaryId: uuidv7(),
      cached: true,
    });
    const regression = record({
      modelName: 'house-price',
      modelVersion: '1',
      outputs: { prediction: 312345.5 },
      predictedLabel: null,
      predictedValue: 312345.5,
      requestId: 'text\tcolumn \\N\n',
    });
    const notANumber = record({ predictedLabel: null, predictedValue: Number.NaN });

    expect(await repository.insertMany(batchOf([success, failure, regression, notANumber]))).toBe(4);
    // COPY refuses the existing ids: the staged insert skips them
    const late = record();
    expect(await repository.insertMany(batchOf([success, record({ id: failure.id })]))).toBe(0);
    // a journal segment written before the routing columns existed: its rows get their defaults,
    // staged too when the batch holds an existing id
    const older = COLUMN_NAMES.filter((c) => !['route', 'primary_id', 'cached'].includes(c));
    const asOlder = (records: PredictionRecord[]): LogBatch => ({
      columns: older,
      rows: batchOf(records).rows.map((row) =>
        Buffer.from(`${row.toString().split('\t').slice(0, older.length).join('\t')}\n`),
      ),
    });
    expect(await repository.insertMany(asOlder([success, late]))).toBe(1);
    expect(await repository.insertMany(asOlder([late]))).toBe(0);

    const rows = await queryDb(
      t.databaseUrl,
      `SELECT id, created_at, model_name, model_version, status, error_class, inputs, metadata, outputs,
              predicted_label, predicted_value, latency_ms, request_id, trace_id, source, route, primary_id, cached
         FROM prediction_log ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: success.id,
        created_at: success.createdAt,
        model_name: 'loan-risk',
        model_version: '2',
        status: 'success',
        error_class: null,
        inputs: success.inputs,
        metadata: null,
        outputs: success.outputs,
        predicted_label: 'repaid',
        predicted_value: null,
        latency_ms: 1.25,
        request_id: 'req-1',
        trace_id: null,
        source: 'v1',
        route: 'stable',
        primary_id: null,
        cached: false,
      },
      expect.objectContaining({
        id: failure.id,
        status: 'error',
        error_class: 'validation_failed',
        inputs: failure.inputs,
        metadata: failure.metadata,
        outputs: null,
        request_id: null,
        trace_id: failure.traceId,
        source: 'v2',
        route: 'shadow',
        primary_id: failure.primaryId,
        cached: true,
      }),
      expect.objectContaining({
        id: regression.id,
        predicted_value: 312345.5,
        request_id: 'text\tcolumn \\N\n',
        outputs: { prediction: 312345.5 },
      }),
      expect.objectContaining({ id: notANumber.id, predicted_value: Number.NaN }),
      expect.objectContaining({
        id: late.id,
        inputs: success.inputs,
        route: 'stable',
        primary_id: null,
        cached: false,
      }),
    ]);
    const [{ n }] = await queryDb<{ n: number }>(
      t.databaseUrl,
      `SELECT count(*)::int AS n FROM prediction_log WHERE metadata IS NULL AND outputs IS NOT NULL`,
    );
    expect(n).toBe(4);
  });
});
