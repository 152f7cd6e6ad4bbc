import { Inject, Injectable } from '@nestjs/common';
import type { SpanContext } from '@opentelemetry/api';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ModelVersion } from '../../model-registry/model-version';
import { PredictionLog } from '../../prediction-log/prediction-log';
import { PredictionRecordFactory, RecordContext } from '../../prediction-log/record/record-factory';
import { PredictionEvents } from '../../prediction/prediction.events';
import { InferenceBody, ParsedInferRequest, ParsedInput } from '../request/infer-request';
import { OutputTensor } from '../response/infer-response';
import { summarizeTensor, TensorLogEntry } from '../tensor/summary';
import { isJsonObject } from '../../common/json';

export interface InferenceContext {
  requestId: string | null;
  traceId: string | null;
  /** The inference span, which the batch insert of the log record joins. */
  span?: SpanContext;
}

export interface InferenceTimings {
  latencyMs: number;
  preprocessSeconds: number;
  inferenceSeconds: number;
}

// a rejected request's inputs are described by name, datatype and shape only: its data is suspect
const MAX_REJECTED_INPUTS = 64;

/**
 * Logs and meters v2 inferences like v1 predictions: one sanitized prediction_log record per
 * request (source 'v2'), with tensors summarised past V2_LOG_MAX_ELEMENTS, and the same
 * PredictionEvents the v1 path reports to.
 */
@Injectable()
export class ProtocolInferenceLog {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: PredictionLog,
    private readonly records: PredictionRecordFactory,
    private readonly events: PredictionEvents,
  ) {}

  succeeded(
    model: ModelVersion,
    request: ParsedInferRequest,
    outputs: OutputTensor[],
    timings: InferenceTimings,
    ctx: InferenceContext,
  ): void {
    this.events.succeeded(model.name, model.version, rowsOf(request.inputs), timings);
    const summary = Object.fromEntries(outputs.map((o) => [o.name, this.summarize(o)]));
    this.enqueue(
      model,
      'success',
      null,
      this.describe(request.inputs),
      this.metadata(request, summary),
      timings,
      ctx,
    );
  }

  /** The graph refused to run inputs that passed validation. */
  failed(
    model: ModelVersion,
    request: ParsedInferRequest,
    timings: InferenceTimings,
    ctx: InferenceContext,
  ): void {
    this.events.failed(model.name, model.version, 'inference_failed', timings.latencyMs / 1000);
    const meta = this.metadata(request, undefined);
    this.enqueue(model, 'error', 'inference_failed', this.describe(request.inputs), meta, timings, ctx);
  }

  /** The request did not pass validation against the model. */
  rejected(model: ModelVersion, body: InferenceBody, latencyMs: number, ctx: InferenceContext): void {
    this.events.failed(model.name, model.version, 'validation_failed', latencyMs / 1000);
    const json = isJsonObject(body.json) ? body.json : {};
    const inputs: Record<string, unknown> = {};
    if (Array.isArray(json.inputs)) {
      json.inputs.slice(0, MAX_REJECTED_INPUTS).forEach((item: unknown, i) => {
        if (!isJsonObject(item)) return;
        inputs[typeof item.name === 'string' ? item.name : `inputs[${i}]`] = {
          datatype: item.datatype,
          shape: item.shape,
        };
      });
    }
    const meta = { id: json.id, parameters: json.parameters };
    const timings = { latencyMs, preprocessSeconds: 0, inferenceSeconds: 0 };
    this.enqueue(model, 'error', 'validation_failed', inputs, meta, timings, ctx);
  }

  private summarize(t: {
    info: ParsedInput['info'];
    shape: number[];
    data: ParsedInput['data'];
  }): TensorLogEntry {
    return summarizeTensor(t.info, t.shape, t.data, this.config.inferenceProtocol.logMaxElements);
  }

  private describe(inputs: readonly ParsedInput[]): Record<string, TensorLogEntry> {
    return Object.fromEntries(inputs.map((i) => [i.name, this.summarize(i)]));
  }

  private metadata(request: ParsedInferRequest, outputs: Record<string, TensorLogEntry> | undefined): object {
    return { id: request.id, parameters: request.parameters, outputs };
  }

  private enqueue(
    model: ModelVersion,
    status: 'success' | 'error',
    errorClass: string | null,
    inputs: object,
    metadata: object,
    timings: InferenceTimings,
    ctx: InferenceContext,
  ): void {
    if (!this.log.enabled) return;
    const record: RecordContext = {
      source: 'v2',
      requestId: ctx.requestId,
      traceId: ctx.traceId,
      latencyMs: timings.latencyMs,
      traceParent: ctx.span,
    };
    // v2 outputs are tensors, not a prediction/label: their summaries live in metadata.outputs
    this.log.record([
      status === 'success'
        ? this.records.served(model, record, [{ inputs, outputs: null }], metadata)[0]
        : this.records.failed(model, record, errorClass ?? 'error', inputs, metadata),
    ]);
  }
}

/**
 * Rows for sightline_predictions_total: the leading dimension when every non-scalar input shares
 * it (a batch), otherwise 1 (one inference).
 */
export function rowsOf(inputs: readonly ParsedInput[]): number {
  const leading = new Set(inputs.filter((i) => i.shape.length > 0).map((i) => i.shape[0]));
  return leading.size === 1 ? [...leading][0] : 1;
}
