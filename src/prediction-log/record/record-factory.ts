import { Injectable } from '@nestjs/common';
import type { SpanContext } from '@opentelemetry/api';
import { Clock } from '../../common/clock';
import { uuidv7 } from '../../common/ids/uuidv7';
import { FieldAction, Sanitizer } from '../../common/sanitize/sanitizer';
import { rememberTraceParent } from '../../common/tracing/trace-parent';
import { LoggedOutputs, PredictionRecord, PredictionRoute } from './prediction-record';

/** The model version a record belongs to, as the log reads it (a registry ModelVersion fits). */
export interface LoggedModel {
  name: string;
  version: string;
  /**
   * Absent for a v2 model served without one. `task` fills predicted_label (classification) or
   * predicted_value (regression); `sanitize.fields` adds to SANITIZE_FIELDS.
   */
  manifest?: {
    task: 'classification' | 'regression';
    sanitize: { fields: Record<string, FieldAction> };
  };
}

/** What is the same for every record of one request. */
export interface RecordContext {
  source: 'v1' | 'v2';
  requestId: string | null;
  traceId: string | null;
  latencyMs: number;
  /** Which side of a traffic split answered; `stable` unless the model lifecycle says otherwise. */
  route?: PredictionRoute;
  /** For a shadow record: the id of the prediction the caller was answered with. */
  primaryId?: string | null;
  /** Answered from the prediction cache. */
  cached?: boolean;
  /** The span that produced the records: the batch insert that writes them joins its trace. */
  traceParent?: SpanContext;
}

/** One answered row: the caller's raw input and what the model answered (null: a tensor response). */
export interface ServedRow {
  /** The prediction id the caller was given; a fresh UUIDv7 when absent. */
  id?: string;
  inputs: unknown;
  outputs: LoggedOutputs | null;
}

/**
 * The one place log records are made, for v1 and v2 traffic, canary, shadow and cached answers:
 * every record is sanitized here, before it reaches the journal, memory or Postgres, and carries
 * the same columns whichever path produced it.
 */
@Injectable()
export class PredictionRecordFactory {
  constructor(
    private readonly sanitizer: Sanitizer,
    private readonly clock: Clock,
  ) {}

  /** A record per answered row; `metadata` (the request's) is sanitized once and shared. */
  served(
    model: LoggedModel,
    ctx: RecordContext,
    rows: readonly ServedRow[],
    metadata?: unknown,
  ): PredictionRecord[] {
    const createdAt = this.clock.now();
    const rules = model.manifest?.sanitize.fields;
    const task = model.manifest?.task;
    const cleanMetadata = this.metadata(rules, metadata);
    return rows.map((row) => {
      const prediction = row.outputs?.prediction;
      return this.record(model, ctx, createdAt, {
        id: row.id ?? uuidv7(),
        status: 'success',
        errorClass: null,
        inputs: this.sanitizer.sanitize(row.inputs, rules),
        metadata: cleanMetadata,
        outputs: row.outputs,
        predictedLabel: task === 'classification' && prediction !== undefined ? String(prediction) : null,
        predictedValue: task === 'regression' && prediction !== undefined ? Number(prediction) : null,
      });
    });
  }

  /** A rejected or failed attempt, with its error class and whatever the client sent, sanitized. */
  failed(
    model: LoggedModel,
    ctx: RecordContext,
    errorClass: string,
    inputs: unknown,
    metadata?: unknown,
  ): PredictionRecord {
    const rules = model.manifest?.sanitize.fields;
    return this.record(model, ctx, this.clock.now(), {
      id: uuidv7(),
      status: 'error',
      errorClass,
      inputs: this.sanitizer.sanitize(inputs, rules),
      metadata: this.metadata(rules, metadata),
      outputs: null,
      predictedLabel: null,
      predictedValue: null,
    });
  }

  private metadata(rules: Record<string, FieldAction> | undefined, metadata: unknown): unknown {
    return metadata === undefined || metadata === null ? null : this.sanitizer.sanitize(metadata, rules);
  }

  private record(
    model: LoggedModel,
    ctx: RecordContext,
    createdAt: Date,
    row: Pick<
      PredictionRecord,
      'id' | 'status' | 'errorClass' | 'inputs' | 'metadata' | 'outputs' | 'predictedLabel' | 'predictedValue'
    >,
  ): PredictionRecord {
    const record: PredictionRecord = {
      ...row,
      createdAt,
      modelName: model.name,
      modelVersion: model.version,
      latencyMs: ctx.latencyMs,
      requestId: ctx.requestId,
      traceId: ctx.traceId,
      source: ctx.source,
      route: ctx.route ?? 'stable',
      primaryId: ctx.primaryId ?? null,
      cached: ctx.cached ?? false,
    };
    if (ctx.traceParent) rememberTraceParent(record, ctx.traceParent);
    return record;
  }
}
