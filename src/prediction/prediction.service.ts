import { Inject, Injectable } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import { uuidv7 } from '../common/ids/uuidv7';
import { PredictionLog } from '../prediction-log/prediction-log';
import { PredictionRecord } from '../prediction-log/record/prediction-record';
import { PredictionRecordFactory, RecordContext } from '../prediction-log/record/record-factory';
import { Clock } from '../common/clock';
import { ModelAccess } from '../common/http/model-access';
import { assertUuid } from '../common/uuid';
import {
  DomainError,
  FieldError,
  PredictionNotFoundError,
  ValidationFailedError,
} from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ATTR, inActiveSpan, inSpan, inSpanAsync, MAX_IDS_ON_SPAN, SPAN } from '../common/tracing/tracing';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { ServableVersion } from '../model-registry/model-version';
import { decodeOutputs } from '../model-registry/output-decoder';
import { BatchPredictResponseDto, PredictionItemDto, PredictResponseDto } from './dto/predict-response.dto';
import { rowsOf } from './dto/request-rows';
import { PredictRequestDto } from './dto/predict-request.dto';
import { InferenceRunner } from './inference-runner';
import { PredictionEvents } from './prediction.events';

export interface RequestContext {
  requestId: string | null;
  traceId: string | null;
}

@Injectable()
export class PredictionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: ModelRegistry,
    private readonly runner: InferenceRunner,
    private readonly log: PredictionLog,
    private readonly records: PredictionRecordFactory,
    private readonly clock: Clock,
    private readonly events: PredictionEvents,
  ) {}

  predictDefault(
    body: PredictRequestDto,
    ctx: RequestContext,
  ): Promise<PredictResponseDto | BatchPredictResponseDto> {
    const name = this.registry.defaultModelName();
    if (!name)
      throw new DomainError('no_default_model', 'No model is configured as the default (set DEFAULT_MODEL)');
    return this.predict(name, undefined, body, ctx);
  }

  predict(
    name: string,
    version: string | undefined,
    body: PredictRequestDto,
    ctx: RequestContext,
  ): Promise<PredictResponseDto | BatchPredictResponseDto> {
    return inActiveSpan(SPAN.predict, undefined, (span) =>
      this.predictInSpan(span, name, version, body, ctx),
    );
  }

  private async predictInSpan(
    span: Span,
    name: string,
    version: string | undefined,
    body: PredictRequestDto,
    ctx: RequestContext,
  ): Promise<PredictResponseDto | BatchPredictResponseDto> {
    const started = this.clock.monotonicMs();
    const shape = rowsOf(body);
    const isBatch = shape.batch;
    const rows = shape.rows;
    const errors: FieldError[] = [];
    const model = inSpan(SPAN.validate, () => {
      const model = this.registry.servable(name, version);
      if (shape.conflict) errors.push(shape.conflict);
      if (shape.text && !model.encoder.seedFeature) {
        const message = 'this model does not take a single text: send features';
        this.reject(model, body, [...errors, { field: shape.text, message }], started, ctx);
      }
      if (rows.length > this.config.maxBatchSize) {
        this.reject(
          model,
          body,
          [{ field: shape.field, message: `must contain at most ${this.config.maxBatchSize} rows` }],
          started,
          ctx,
        );
      }
      return model;
    });
    const attributes = {
      [ATTR.modelName]: model.name,
      [ATTR.modelVersion]: model.version,
      [ATTR.batchSize]: rows.length,
    };
    if (span.isRecording()) {
      span.setAttributes(attributes);
      if (ctx.requestId) span.setAttribute(ATTR.requestId, ctx.requestId);
      // the prediction log points at the trace that holds this prediction's spans
      ctx = { ...ctx, traceId: ctx.traceId ?? span.spanContext().traceId };
    }
    const batch = inSpan(SPAN.preprocess, () => {
      const batch = model.encoder.encode(rows, shape.path, errors, shape.text !== undefined);
      if (errors.length > 0) this.reject(model, body, errors, started, ctx);
      return batch;
    });
    const encoded = this.clock.monotonicMs();

    let decoded;
    try {
      const fetches = await inSpanAsync(SPAN.inference, () => this.runner.run(model, batch), attributes);
      decoded = decodeOutputs(model.manifest, fetches, batch.rows);
    } catch (err) {
      this.events.failed(
        model.name,
        model.version,
        'inference_failed',
        (this.clock.monotonicMs() - started) / 1000,
      );
      this.logFailure(model, body, 'inference_failed', started, ctx);
      throw new DomainError('inference_failed', (err as Error).message);
    }
    const done = this.clock.monotonicMs();
    const ids = decoded.map(() => uuidv7());
    if (this.log.enabled) {
      inSpan(SPAN.enqueueLog, (enqueue) => {
        const rows = decoded.map((outputs, i) => ({ id: ids[i], inputs: batch.values[i], outputs }));
        const records = this.records.served(
          model,
          // the batch insert that later writes these records joins this trace
          {
            ...this.recordContext(ctx, done - started),
            traceParent: enqueue.isRecording() ? enqueue.spanContext() : undefined,
          },
          rows,
          body.metadata,
        );
        this.log.record(records);
      });
    }
    if (span.isRecording()) {
      if (ids.length === 1) span.setAttribute(ATTR.predictionId, ids[0]);
      else span.setAttribute(ATTR.predictionIds, ids.slice(0, MAX_IDS_ON_SPAN));
    }
    this.events.succeeded(model.name, model.version, batch.rows, {
      preprocessSeconds: (encoded - started) / 1000,
      inferenceSeconds: (done - encoded) / 1000,
    });

    const ref = { name: model.name, version: model.version };
    const items: PredictionItemDto[] = decoded.map((d, i) => ({ prediction_id: ids[i], ...d }));
    for (const note of batch.truncated ?? []) {
      (items[note.row].truncated ??= []).push({
        field: note.field,
        unit: note.unit,
        from: note.from,
        to: note.to,
      });
    }
    return isBatch ? { model: ref, predictions: items } : { ...items[0], model: ref };
  }

  /** A prediction of a model outside `access` is not found, as an unknown id is: ids cannot be probed. */
  async find(id: string, access: ModelAccess): Promise<PredictionRecord> {
    assertUuid(id, 'id');
    const record = await this.log.find(id);
    if (!record || !access.allows(record.modelName)) throw new PredictionNotFoundError(id);
    return record;
  }

  private recordContext(ctx: RequestContext, latencyMs: number): RecordContext {
    return { source: 'v1', requestId: ctx.requestId, traceId: ctx.traceId, latencyMs };
  }

  /** A rejected or failed attempt is logged with whatever the client sent. */
  private logFailure(
    model: ServableVersion,
    body: PredictRequestDto,
    errorClass: string,
    started: number,
    ctx: RequestContext,
  ): void {
    if (!this.log.enabled) return;
    const inputs =
      body.instances !== undefined
        ? { instances: body.instances }
        : body.texts !== undefined
          ? { texts: body.texts }
          : body.text !== undefined
            ? { text: body.text }
            : { features: body.features ?? null };
    const latencyMs = this.clock.monotonicMs() - started;
    this.log.record([
      this.records.failed(model, this.recordContext(ctx, latencyMs), errorClass, inputs, body.metadata),
    ]);
  }

  private reject(
    model: ServableVersion,
    body: PredictRequestDto,
    errors: FieldError[],
    started: number,
    ctx: RequestContext,
  ): never {
    this.events.failed(
      model.name,
      model.version,
      'validation_failed',
      (this.clock.monotonicMs() - started) / 1000,
    );
    this.logFailure(model, body, 'validation_failed', started, ctx);
    // a hostile batch can produce one error per field: the first 100 say enough
    throw new ValidationFailedError(errors.slice(0, 100));
  }
}
