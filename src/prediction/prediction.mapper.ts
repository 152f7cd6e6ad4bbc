import { uuidv7 } from '../common/ids/uuidv7';
import { Sanitizer } from '../common/sanitize/sanitizer';
import { RawValue } from '../model-registry/feature-encoder';
import { ServableVersion } from '../model-registry/model-version';
import { DecodedPrediction } from '../model-registry/output-decoder';
import { PredictRequestDto } from './dto/predict-request.dto';
import { PredictionRecord } from './log/prediction-record';

interface RecordContext {
  createdAt: Date;
  latencyMs: number;
  requestId: string | null;
  traceId: string | null;
}

/** Successful rows become sanitized log records; sanitization happens here, before the buffer. */
export function toRecords(
  sanitizer: Sanitizer,
  model: ServableVersion,
  values: Record<string, RawValue>[],
  metadata: Record<string, unknown> | undefined,
  decoded: DecodedPrediction[],
  ids: string[],
  ctx: RecordContext,
): PredictionRecord[] {
  const rules = model.manifest.sanitize.fields;
  const cleanMetadata = metadata === undefined ? null : sanitizer.sanitize(metadata, rules);
  const classification = model.manifest.task === 'classification';
  return decoded.map((d, i) => ({
    id: ids[i],
    createdAt: ctx.createdAt,
    modelName: model.name,
    modelVersion: model.version,
    status: 'success',
    errorClass: null,
    inputs: sanitizer.sanitize(values[i], rules),
    metadata: cleanMetadata,
    outputs: d,
    predictedLabel: classification ? String(d.prediction) : null,
    predictedValue: classification ? null : Number(d.prediction),
    latencyMs: ctx.latencyMs,
    requestId: ctx.requestId,
    traceId: ctx.traceId,
    source: 'v1',
  }));
}

/** A rejected or failed attempt, logged with its error class and whatever the client sent, sanitized. */
export function failureRecord(
  sanitizer: Sanitizer,
  model: ServableVersion,
  body: PredictRequestDto,
  errorClass: string,
  createdAt: Date,
  latencyMs: number,
  ctx: { requestId: string | null; traceId: string | null },
): PredictionRecord {
  const rules = model.manifest.sanitize.fields;
  const inputs =
    body.instances !== undefined ? { instances: body.instances } : { features: body.features ?? null };
  return {
    id: uuidv7(),
    createdAt,
    modelName: model.name,
    modelVersion: model.version,
    status: 'error',
    errorClass,
    inputs: sanitizer.sanitize(inputs, rules),
    metadata: body.metadata === undefined ? null : sanitizer.sanitize(body.metadata, rules),
    outputs: null,
    predictedLabel: null,
    predictedValue: null,
    latencyMs,
    requestId: ctx.requestId,
    traceId: ctx.traceId,
    source: 'v1',
  };
}
