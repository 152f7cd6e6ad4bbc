import { Inject, Injectable } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import { uuidv7 } from '../common/ids/uuidv7';
import { Clock } from '../common/clock';
import { assertUuid } from '../common/uuid';
import {
  DomainError,
  FieldError,
  PredictionNotFoundError,
  ValidationFailedError,
} from '../common/errors/domain-error';
import { Sanitizer } from '../common/sanitize/sanitizer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { rememberTraceParent } from '../telemetry/trace-parent';
import { ATTR, inActiveSpan, inSpan, inSpanAsync, MAX_IDS_ON_SPAN, SPAN } from '../telemetry/tracing';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { ServableVersion } from '../model-registry/model-version';
import { decodeOutputs } from '../model-registry/output-decoder';
import { BatchPredictResponseDto, PredictResponseDto } from './dto/predict-response.dto';
import { PredictRequestDto } from './dto/predict-request.dto';
import { InferenceRunner } from './inference-runner';
import { PredictionLogRepository } from './log/prediction-log.repository';
import { PredictionLogWriter } from './log/prediction-log.writer';
import { PredictionRecord } from './log/prediction-record';
import { PredictionEvents } from './prediction.events';
import { toRecords, failureRecord } from './prediction.mapper';

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
    private readonly writer: PredictionLogWriter,
    private readonly repository: PredictionLogRepository,
    private readonly sanitizer: Sanitizer,
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
    const isBatch = body.instances !== undefined;
    const rows = isBatch ? body.instances! : [body.features];
    const errors: FieldError[] = [];
    const model = inSpan(SPAN.validate, () => {
      const model = this.registry.servable(name, version);
      if (isBatch && body.features !== undefined) {
        errors.push({ field: 'features', message: 'send either features or instances, not both' });
      }
      if (rows.length > this.config.maxBatchSize) {
        this.reject(
          model,
          body,
          [{ field: 'instances', message: `must contain at most ${this.config.maxBatchSize} rows` }],
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
      const batch = model.encoder.encode(rows, isBatch ? (i) => `instances[${i}]` : () => 'features', errors);
      if (errors.length > 0) this.reject(model, body, errors, started, ctx);
      return batch;
    });
    const encoded = this.clock.monotonicMs();

    let decoded;
    try {
      const fetches = await inSpanAsync(SPAN.inference, () => this.runner.run(model, batch), attributes);
      decoded = decodeOutputs(model.manifest, fetches, batch.rows);
    } catch (err) {
      this.events.failed(model.name, model.version, 'inference_failed');
      this.writer.enqueue(
        failureRecord(
          this.sanitizer,
          model,
          body,
          'inference_failed',
          this.clock.now(),
          this.clock.monotonicMs() - started,
          ctx,
        ),
      );
      throw new DomainError('inference_failed', (err as Error).message);
    }
    const done = this.clock.monotonicMs();
    const ids = decoded.map(() => uuidv7());
    const records =
      this.writer.enabled === false
        ? []
        : toRecords(this.sanitizer, model, batch.values, body.metadata, decoded, ids, {
            createdAt: this.clock.now(),
            latencyMs: done - started,
            ...ctx,
          });
    inSpan(SPAN.enqueueLog, (enqueue) => {
      // the batch insert that later writes these records joins this trace (see TracedPredictionLogRepository)
      const parent = enqueue.isRecording() ? enqueue.spanContext() : undefined;
      if (parent) for (const r of records) rememberTraceParent(r, parent);
      this.writer.enqueueAll(records);
    });
    if (span.isRecording()) {
      if (ids.length === 1) span.setAttribute(ATTR.predictionId, ids[0]);
      else span.setAttribute(ATTR.predictionIds, ids.slice(0, MAX_IDS_ON_SPAN));
    }
    this.events.succeeded(model.name, model.version, batch.rows, {
      preprocessSeconds: (encoded - started) / 1000,
      inferenceSeconds: (done - encoded) / 1000,
    });

    const ref = { name: model.name, version: model.version };
    const items = decoded.map((d, i) => ({ prediction_id: ids[i], ...d }));
    return isBatch ? { model: ref, predictions: items } : { ...items[0], model: ref };
  }

  async find(id: string): Promise<PredictionRecord> {
    assertUuid(id, 'id');
    const record = this.writer.findPending(id) ?? (await this.repository.findById(id));
    if (!record) throw new PredictionNotFoundError(id);
    return record;
  }

  private reject(
    model: ServableVersion,
    body: PredictRequestDto,
    errors: FieldError[],
    started: number,
    ctx: RequestContext,
  ): never {
    this.events.failed(model.name, model.version, 'validation_failed');
    this.writer.enqueue(
      failureRecord(
        this.sanitizer,
        model,
        body,
        'validation_failed',
        this.clock.now(),
        this.clock.monotonicMs() - started,
        ctx,
      ),
    );
    // a hostile batch can produce one error per field: the first 100 say enough
    throw new ValidationFailedError(errors.slice(0, 100));
  }
}
