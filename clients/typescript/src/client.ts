import type { components, paths } from './generated/schema';
import { Transport, TransportOptions } from './http';

type Schemas = components['schemas'];
export type ModelCard = Schemas['ModelCard'];
export type ModelList = Schemas['ModelList'];
export type PredictResponse = Schemas['PredictResponse'];
export type BatchPredictResponse = Schemas['BatchPredictResponse'];
export type PredictionRecord = Schemas['PredictionRecord'];
export type Feedback = Schemas['Feedback'];
export type BulkFeedbackResponse = Schemas['BulkFeedbackResponse'];
export type DriftReport = Schemas['DriftReport'];
export type DriftHistory = Schemas['DriftHistory'];
export type DriftReference = Schemas['DriftReference'];
export type Performance = Schemas['Performance'];
export type PerformanceHistory = Schemas['PerformanceHistory'];
export type EstimateHistory = Schemas['EstimateHistory'];
export type InferenceRequest = Schemas['InferenceRequest'];
export type InferenceResponse = Schemas['InferenceResponse'];
export type StatisticsResponse = Schemas['StatisticsResponse'];
export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];

/** One row: features by name, or values in the order of the model card. */
export type Features = NonNullable<Schemas['PredictRequest']['features']>;
export type Actual = string | number;
type Query<P extends keyof paths, M extends 'get' | 'post' | 'put'> = NonNullable<
  NonNullable<paths[P][M]> extends { parameters: { query?: infer Q } } ? Q : never
>;

export interface PredictOptions {
  /** A model name; the server's default model when absent. */
  model?: string;
  version?: string;
  /** Logged (sanitized) beside the prediction, e.g. a customer id to join on later. */
  metadata?: Record<string, unknown>;
}

export interface FeedbackItem {
  prediction_id: string;
  actual: Actual;
  comment?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Sightline's API for TypeScript and JavaScript (Node 18+, browsers): every method is one HTTP
 * call, typed from the OpenAPI document; errors throw a SightlineError with the problem's title,
 * detail and field errors. `http` reaches any operation this class has no method for.
 */
export class Sightline {
  readonly http: Transport;

  constructor(options: TransportOptions) {
    this.http = new Transport(options);
  }

  models(): Promise<ModelList> {
    return this.http.call('get', '/v1/models', {});
  }

  model(name: string): Promise<ModelCard> {
    return this.http.call('get', '/v1/models/{name}', { path: { name } });
  }

  /** One prediction; `model` absent uses the server's default model (POST /predict). */
  async predict(features: Features, options: PredictOptions = {}): Promise<PredictResponse> {
    return (await this.predictBody({ features, metadata: options.metadata }, options)) as PredictResponse;
  }

  /** Several rows in one call (at most the server's MAX_BATCH_SIZE). */
  async predictBatch(instances: Features[], options: PredictOptions = {}): Promise<BatchPredictResponse> {
    const body = { instances, metadata: options.metadata };
    return (await this.predictBody(body, options)) as BatchPredictResponse;
  }

  /** One text, for a model with one text feature (a sentiment model, say). */
  async predictText(text: string, options: PredictOptions = {}): Promise<PredictResponse> {
    return (await this.predictBody({ text, metadata: options.metadata }, options)) as PredictResponse;
  }

  /** Several texts in one call, for a model with one text feature. */
  async predictTexts(texts: string[], options: PredictOptions = {}): Promise<BatchPredictResponse> {
    return (await this.predictBody({ texts, metadata: options.metadata }, options)) as BatchPredictResponse;
  }

  /** The logged record of a prediction, with its feedback once posted. */
  prediction(id: string): Promise<PredictionRecord> {
    return this.http.call('get', '/v1/predictions/{id}', { path: { id } });
  }

  /** The true outcome of a prediction; `replace` stores it over a different one (PUT). */
  feedback(
    predictionId: string,
    actual: Actual,
    options: { comment?: string; metadata?: Record<string, unknown>; replace?: boolean } = {},
  ): Promise<Feedback> {
    const request = {
      path: { id: predictionId },
      body: { actual, comment: options.comment, metadata: options.metadata },
    };
    return options.replace
      ? this.http.call('put', '/v1/predictions/{id}/feedback', request)
      : this.http.call('post', '/v1/predictions/{id}/feedback', request);
  }

  /** Many outcomes at once; each item gets its own status (created, unchanged, conflict, ...). */
  feedbackBulk(items: FeedbackItem[]): Promise<BulkFeedbackResponse> {
    return this.http.call('post', '/v1/feedback', { body: { items } });
  }

  /** Runs drift detection now, over `window` (e.g. "1h") or from/to. */
  runDrift(model: string, query: Query<'/v1/models/{name}/drift/runs', 'post'> = {}): Promise<DriftReport> {
    return this.http.call('post', '/v1/models/{name}/drift/runs', { path: { name: model }, query });
  }

  /** The latest drift report. */
  drift(model: string, version?: string): Promise<DriftReport> {
    return this.http.call('get', '/v1/models/{name}/drift', { path: { name: model }, query: { version } });
  }

  driftRuns(model: string, query: Query<'/v1/models/{name}/drift/runs', 'get'> = {}): Promise<DriftHistory> {
    return this.http.call('get', '/v1/models/{name}/drift/runs', { path: { name: model }, query });
  }

  driftRun(model: string, id: string): Promise<DriftReport> {
    return this.http.call('get', '/v1/models/{name}/drift/runs/{id}', { path: { name: model, id } });
  }

  /** The report as a web page (it needs the API key like any call, when keys exist). */
  driftReportUrl(model: string, query: { version?: string; run?: string } = {}): string {
    return this.http.url('/v1/models/{name}/drift/report', { name: model }, query);
  }

  performance(
    model: string,
    query: Query<'/v1/models/{name}/performance', 'get'> = {},
  ): Promise<Performance> {
    return this.http.call('get', '/v1/models/{name}/performance', { path: { name: model }, query });
  }

  performanceHistory(
    model: string,
    query: Query<'/v1/models/{name}/performance/history', 'get'> = {},
  ): Promise<PerformanceHistory> {
    return this.http.call('get', '/v1/models/{name}/performance/history', { path: { name: model }, query });
  }

  /** What the scheduled estimation (CBPE, no labels needed) stored for a window, newest first. */
  estimatedPerformanceHistory(
    model: string,
    query: Query<'/v1/models/{name}/performance/estimated/history', 'get'> = {},
  ): Promise<EstimateHistory> {
    return this.http.call('get', '/v1/models/{name}/performance/estimated/history', {
      path: { name: model },
      query,
    });
  }

  /** Open Inference Protocol inference with JSON tensors. */
  infer(model: string, request: InferenceRequest, version?: string): Promise<InferenceResponse> {
    return version === undefined
      ? this.http.call('post', '/v2/models/{name}/infer', { path: { name: model }, body: request })
      : this.http.call('post', '/v2/models/{name}/versions/{version}/infer', {
          path: { name: model, version },
          body: request,
        });
  }

  /** Triton's statistics extension: every ready version, one model's versions, or one version. */
  statistics(model?: string, version?: string): Promise<StatisticsResponse> {
    if (model === undefined) return this.http.call('get', '/v2/models/stats', {});
    if (version === undefined)
      return this.http.call('get', '/v2/models/{name}/stats', { path: { name: model } });
    return this.http.call('get', '/v2/models/{name}/versions/{version}/stats', {
      path: { name: model, version },
    });
  }

  createKey(key: Schemas['CreateApiKey']): Promise<CreatedApiKey> {
    return this.http.call('post', '/v1/admin/keys', { body: key });
  }

  keys(): Promise<Schemas['ApiKeyList']> {
    return this.http.call('get', '/v1/admin/keys', {});
  }

  revokeKey(id: string): Promise<ApiKey> {
    return this.http.call('delete', '/v1/admin/keys/{id}', { path: { id } });
  }

  private predictBody(
    body: Schemas['PredictRequest'],
    options: PredictOptions,
  ): Promise<PredictResponse | BatchPredictResponse> {
    if (options.model === undefined) return this.http.call('post', '/predict', { body });
    return this.http.call('post', '/v1/models/{name}/predict', {
      path: { name: options.model },
      query: { version: options.version },
      body,
    });
  }
}
