import { uuidv7 } from '../../src/common/ids/uuidv7';
import { PredictionRecord } from '../../src/prediction-log/record/prediction-record';

/** A successful loan-risk record as the record factory makes it; tests override what they need. */
export function logRecord(overrides: Partial<PredictionRecord> = {}): PredictionRecord {
  return {
    id: uuidv7(),
    createdAt: new Date('2026-11-23T12:34:56.789Z'),
    modelName: 'loan-risk',
    modelVersion: '2',
    status: 'success',
    errorClass: null,
    inputs: { age: 42, employment: 'employed' },
    metadata: null,
    outputs: { prediction: 'repaid', probabilities: { repaid: 0.9, default: 0.1 } },
    predictedLabel: 'repaid',
    predictedValue: null,
    latencyMs: 1,
    requestId: null,
    traceId: null,
    source: 'v1',
    route: 'stable',
    primaryId: null,
    cached: false,
    ...overrides,
  };
}
