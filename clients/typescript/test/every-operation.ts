import { Sightline } from '../src';
import type { paths } from '../src/generated/schema';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

/** What the calls need from a live server: a model, a logged prediction, a key to revoke. */
export interface CallContext {
  s: Sightline;
  model: string;
  version: string;
  predictionId: string;
  driftRunId: string;
  keyId: string;
}

/**
 * One call per operation of the OpenAPI document, typed from the generated types: a new route is
 * a compile error here until it has a call, and a changed one until its call matches. The SDK's
 * end-to-end test runs them all against a server.
 */
export type EveryOperation = {
  [P in keyof paths]: {
    [M in Method as undefined extends paths[P][M] ? never : M]: (c: CallContext) => Promise<unknown>;
  };
};

const loanRow = [42, 52000, 12000, 690, 0.3, 1, 0, 0, 0, 0, 1, 0];
const tensor = { name: 'input', datatype: 'FP32' as const, shape: [1, 12], data: loanRow };

export const everyOperation: EveryOperation = {
  '/metrics': { get: ({ s }) => s.http.call('get', '/metrics', {}) },
  '/v1/models': { get: ({ s }) => s.models() },
  '/v1/models/{name}': { get: ({ s, model }) => s.model(model) },
  '/v1/models/{name}/predict': {
    post: ({ s, model, version }) =>
      s.predict([42, 52000, 12000, 690, 0.3, 'employed', 'rent'], { model, version }),
  },
  '/predict': {
    post: ({ s }) =>
      s.predictBatch([
        {
          age: 42,
          income: 52000,
          loan_amount: 12000,
          credit_score: 690,
          debt_ratio: 0.3,
          employment: 'employed',
          home_ownership: 'rent',
        },
      ]),
  },
  '/v1/predictions/{id}': { get: ({ s, predictionId }) => s.prediction(predictionId) },
  '/v2': { get: ({ s }) => s.http.call('get', '/v2', {}) },
  '/v2/health/live': { get: ({ s }) => s.http.call('get', '/v2/health/live', {}) },
  '/v2/health/ready': { get: ({ s }) => s.http.call('get', '/v2/health/ready', {}) },
  '/v2/models/stats': { get: ({ s }) => s.statistics() },
  '/v2/models/{name}/stats': { get: ({ s, model }) => s.statistics(model) },
  '/v2/models/{name}/versions/{version}/stats': {
    get: ({ s, model, version }) => s.statistics(model, version),
  },
  '/v2/models/{name}': {
    get: ({ s, model }) => s.http.call('get', '/v2/models/{name}', { path: { name: model } }),
  },
  '/v2/models/{name}/versions/{version}': {
    get: ({ s, model, version }) =>
      s.http.call('get', '/v2/models/{name}/versions/{version}', { path: { name: model, version } }),
  },
  '/v2/models/{name}/ready': {
    get: ({ s, model }) => s.http.call('get', '/v2/models/{name}/ready', { path: { name: model } }),
  },
  '/v2/models/{name}/versions/{version}/ready': {
    get: ({ s, model, version }) =>
      s.http.call('get', '/v2/models/{name}/versions/{version}/ready', { path: { name: model, version } }),
  },
  '/v2/models/{name}/infer': { post: ({ s, model }) => s.infer(model, { inputs: [tensor] }) },
  '/v2/models/{name}/versions/{version}/infer': {
    post: ({ s, model, version }) =>
      s.infer(model, { id: 'v', inputs: [tensor], outputs: [{ name: 'probabilities' }] }, version),
  },
  '/v1/predictions/{id}/feedback': {
    post: ({ s, predictionId }) => s.feedback(predictionId, 'repaid'),
    put: ({ s, predictionId }) =>
      s.feedback(predictionId, 'default', { replace: true, comment: 'charged off' }),
    get: ({ s, predictionId }) =>
      s.http.call('get', '/v1/predictions/{id}/feedback', { path: { id: predictionId } }),
  },
  '/v1/feedback': {
    post: ({ s, predictionId }) => s.feedbackBulk([{ prediction_id: predictionId, actual: 'default' }]),
  },
  '/health/live': { get: ({ s }) => s.http.call('get', '/health/live', {}) },
  '/health/ready': { get: ({ s }) => s.http.call('get', '/health/ready', {}) },
  '/v1/admin/keys': {
    post: ({ s }) => s.createKey({ name: 'every-operation', scopes: ['read'] }),
    get: ({ s }) => s.keys(),
  },
  '/v1/admin/keys/{id}': { delete: ({ s, keyId }) => s.revokeKey(keyId) },
  '/v1/models/{name}/performance': {
    get: ({ s, model }) => s.performance(model, { window: '1h', estimated: true }),
  },
  '/v1/models/{name}/performance/estimated/history': {
    get: ({ s, model }) => s.estimatedPerformanceHistory(model, { window: '1h', limit: 5 }),
  },
  '/v1/models/{name}/performance/history': {
    get: ({ s, model }) => s.performanceHistory(model, { window: '1h', limit: 5 }),
  },
  '/v1/models/{name}/drift/runs': {
    post: ({ s, model }) => s.runDrift(model, { window: '1h' }),
    get: ({ s, model }) => s.driftRuns(model, { limit: 5 }),
  },
  '/v1/models/{name}/drift': { get: ({ s, model }) => s.drift(model) },
  '/v1/models/{name}/drift/runs/{id}': { get: ({ s, model, driftRunId }) => s.driftRun(model, driftRunId) },
  '/v1/models/{name}/drift/report': {
    get: ({ s, model }) => s.http.call('get', '/v1/models/{name}/drift/report', { path: { name: model } }),
  },
  '/v1/models/{name}/drift/reference': {
    get: ({ s, model }) => s.http.call('get', '/v1/models/{name}/drift/reference', { path: { name: model } }),
    put: ({ s, model }) =>
      s.http.call('put', '/v1/models/{name}/drift/reference', {
        path: { name: model },
        query: { window: '1h' },
      }),
    delete: ({ s, model }) =>
      s.http.call('delete', '/v1/models/{name}/drift/reference', { path: { name: model } }),
  },
};
