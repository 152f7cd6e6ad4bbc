import { Injectable } from '@nestjs/common';
import type { Span } from '@opentelemetry/api';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { InferenceRunner } from '../prediction/inference-runner';
import { ATTR, inActiveSpan, inSpanAsync, SPAN } from '../common/tracing/tracing';
import { InferenceContext, ProtocolInferenceLog } from './observability/protocol-log';
import { LoadedVersion, ProtocolModels } from './protocol-models';
import { InferenceBody, ParsedInferRequest } from './request/infer-request';
import { parseInferRequest } from './request/infer-request.parser';
import { EncodedResponse, encodeInferResponse } from './response/infer-response';
import { fromFetches, toFeeds } from './tensor/ort-tensors';

export const V2_INFER_SPAN = 'sightline.v2.infer';
export const ATTR_PROTOCOL = 'sightline.protocol';

/**
 * onnxruntime's run errors carry its source path and a C++ signature: keep the node and the
 * reason, which is what a client can act on.
 */
export function runErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const node = /while running (\S+) node/.exec(message)?.[1];
  const status = /Status Message: (?:\S+:\d+ (?:(?:\w+ )?[^\s(]+\([^)]*\) )?)?(.*)$/s.exec(message)?.[1];
  const text = status === undefined ? message : node ? `${node} node: ${status}` : status;
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

/**
 * POST /v2/models/{name}[/versions/{version}]/infer: resolve the version, check and decode the
 * tensors against its graph, run them through the version's dynamic batcher (as v1 predictions
 * are) for the requested outputs only, encode the response; logged, metered and traced like a v1
 * prediction.
 */
@Injectable()
export class ProtocolInferenceService {
  constructor(
    private readonly models: ProtocolModels,
    private readonly log: ProtocolInferenceLog,
    private readonly clock: Clock,
    private readonly runner: InferenceRunner,
  ) {}

  infer(
    name: string,
    version: string | undefined,
    body: unknown,
    ctx: InferenceContext,
  ): Promise<EncodedResponse> {
    const attributes = { [ATTR.modelName]: name, [ATTR_PROTOCOL]: 'v2' };
    return inActiveSpan(V2_INFER_SPAN, attributes, (span) =>
      this.inferInSpan(span, name, version, body, ctx),
    );
  }

  private async inferInSpan(
    span: Span,
    name: string,
    version: string | undefined,
    raw: unknown,
    ctx: InferenceContext,
  ): Promise<EncodedResponse> {
    const started = this.clock.monotonicMs();
    const model = this.models.loaded(name, version);
    span.setAttribute(ATTR.modelVersion, model.version);
    if (ctx.requestId) span.setAttribute(ATTR.requestId, ctx.requestId);
    if (span.isRecording()) {
      // the prediction log points at the trace that holds this inference's spans
      ctx = { ...ctx, traceId: ctx.traceId ?? span.spanContext().traceId, span: span.spanContext() };
    }
    const body = raw instanceof InferenceBody ? raw : new InferenceBody(raw);
    let request: ParsedInferRequest;
    try {
      request = parseInferRequest(body, model);
    } catch (err) {
      this.log.rejected(model, body, this.clock.monotonicMs() - started, ctx);
      throw err;
    }
    const decoded = this.clock.monotonicMs();
    const fetches = await this.run(model, request, started, ctx);
    const done = this.clock.monotonicMs();
    const outputs = fromFetches(fetches, request.outputs);
    const timings = {
      latencyMs: done - started,
      preprocessSeconds: (decoded - started) / 1000,
      inferenceSeconds: (done - decoded) / 1000,
    };
    this.log.succeeded(model, request, outputs, timings, ctx);
    return encodeInferResponse(
      { model_name: model.name, model_version: model.version, id: request.id },
      outputs,
    );
  }

  private async run(
    model: LoadedVersion,
    request: ParsedInferRequest,
    started: number,
    ctx: InferenceContext,
  ) {
    const attributes = { [ATTR.modelName]: model.name, [ATTR.modelVersion]: model.version };
    const names = request.outputs.map((o) => o.name);
    // all of them (in any order) is the v1 signature too, so both share a batch
    const outputs = names.length === model.session.outputs.length ? undefined : names;
    try {
      return await inSpanAsync(
        SPAN.inference,
        () => this.runner.runTensors(model, toFeeds(request.inputs), outputs),
        attributes,
      );
    } catch (err) {
      const latencyMs = this.clock.monotonicMs() - started;
      this.log.failed(model, request, { latencyMs, preprocessSeconds: 0, inferenceSeconds: 0 }, ctx);
      throw new DomainError(
        'inference_failed',
        `model "${model.name}" version ${model.version} could not run these inputs: ${runErrorMessage(err)}`,
      );
    }
  }
}
