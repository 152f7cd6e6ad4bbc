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
      const label = task === 'classification' && prediction !== undefined ? String(prediction) : null;
      const value = task === 'regression' && prediction !== undefined ? Number(prediction) : null;
      const inputs = this.sanitizer.sanitize(row.inputs, rules);
      const record = this.record(model, ctx, createdAt, row.id ?? uuidv7(), null, inputs, cleanMetadata);
      record.outputs = row.outputs;
      record.predictedLabel = label;
      record.predictedValue = value;
      return record;
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
    const clean = this.sanitizer.sanitize(inputs, rules);
    return this.record(
      model,
      ctx,
      this.clock.now(),
      uuidv7(),
      errorClass,
      clean,
      this.metadata(rules, metadata),
    );
  }

  private metadata(rules: Record<string, FieldAction> | undefined, metadata: unknown): unknown {
    return metadata === undefined || metadata === null ? null : this.sanitizer.sanitize(metadata, rules);
  }

  /** Every field in one literal, in one order: records share one shape (a spread cost 5% of a request). */
  private record(
    model: LoggedModel,
    ctx: RecordContext,
    createdAt: Date,
    id: string,
    errorClass: string | null,
    inputs: unknown,
    metadata: unknown,
  ): PredictionRecord {
    const record: PredictionRecord = {
      id,
      createdAt,
      modelName: model.name,
      modelVersion: model.version,
      status: errorClass === null ? 'success' : 'error',
      errorClass,
      inputs,
      metadata,
      outputs: null,
      predictedLabel: null,
      predictedValue: null,
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
