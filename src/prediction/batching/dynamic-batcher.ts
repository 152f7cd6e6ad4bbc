import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EncodedBatch } from '../../model-registry/feature-encoder';
import { ModelVersion } from '../../model-registry/model-version';
import { Feeds, Fetches, ModelSession } from '../../model-registry/onnx-session';
import { BatchEvents } from './batch-events';
import { BatchLimits, fixedBatchReason, resolveBatchLimits } from './batch-limits';
import { BatchQueue } from './batch-queue';
import { batchKey, sharedRows } from './tensor-batch';

/** A loaded model version, from the v1 or the v2 path. */
export type BatchedModel = Pick<ModelVersion, 'name' | 'version' | 'manifest'> & { session: ModelSession };

interface SessionQueues {
  limits: BatchLimits;
  /** One queue per request signature (batchKey): only requests of the same shapes share a run. */
  bySignature: Map<string, BatchQueue>;
}

// v2 keys (batchKey) start with the outputs asked for, '*' or a name: never this
const V1 = '';

// v2 tensors of ever new shapes (sequence lengths, image sizes) would each leave a queue behind
const MAX_IDLE_QUEUES = 64;

/**
 * Dynamic batching for every model version, keyed by its session so a reloaded version starts
 * fresh queues and a released one leaves nothing behind. v1 predictions share one queue per
 * version; v2 inferences one per signature: the same inputs (names, element types, dimensions
 * after the first) and outputs.
 */
@Injectable()
export class DynamicBatcher {
  private readonly logger = new Logger(DynamicBatcher.name);
  private readonly sessions = new WeakMap<ModelSession, SessionQueues>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: BatchEvents,
    private readonly clock: Clock,
  ) {}

  /** A v1 request as its encoder wrote it, every output: one queue per version (padding evens out sequences). */
  run(model: BatchedModel, batch: EncodedBatch): Promise<Fetches> {
    return this.queue(model, V1).submit({ kind: 'encoded', batch, rows: batch.rows });
  }

  /**
   * Any tensors (a v2 request). They batch along their first dimension when every input has the
   * same one and the graph's first dimensions are all dynamic (as Triton's ONNX auto-complete
   * assumes), otherwise they run alone.
   */
  runTensors(model: BatchedModel, feeds: Feeds, outputs?: readonly string[]): Promise<Fetches> {
    const rows = sharedRows(feeds);
    if (rows === undefined)
      return this.queue(model, V1).runAlone({ kind: 'tensors', feeds, rows: 1, outputs });
    return this.queue(model, batchKey(feeds, outputs)).submit({ kind: 'tensors', feeds, rows, outputs });
  }

  private queue(model: BatchedModel, key: string): BatchQueue {
    let queues = this.sessions.get(model.session);
    if (queues === undefined) {
      queues = { limits: this.limitsFor(model), bySignature: new Map() };
      this.sessions.set(model.session, queues);
    }
    let queue = queues.bySignature.get(key);
    if (queue === undefined) {
      if (queues.bySignature.size >= MAX_IDLE_QUEUES) {
        for (const [k, q] of queues.bySignature) if (q.idle) queues.bySignature.delete(k);
      }
      queue = this.createQueue(model, queues.limits);
      queues.bySignature.set(key, queue);
    }
    return queue;
  }

  private limitsFor(model: BatchedModel): BatchLimits {
    const label = `model ${model.name} version ${model.version}`;
    const problems: string[] = [];
    const limits = resolveBatchLimits(this.config.batching, model.manifest, problems);
    for (const p of problems) this.logger.warn(`${label}: ${p}; using the default`);
    const fixed = fixedBatchReason(model.session.inputs, model.session.outputs);
    if (fixed !== undefined) {
      limits.maxBatchSize = 1;
      this.logger.log(`${label} runs unbatched: ${fixed}`);
    }
    return limits;
  }

  private createQueue(model: BatchedModel, limits: BatchLimits): BatchQueue {
    const { name, version } = model;
    return new BatchQueue(model.session, limits, {
      now: () => this.clock.monotonicMs(),
      ran: (size, waits, seconds) => this.events.batch(name, version, size, waits, seconds),
      unbatchable: (reason) =>
        this.logger.warn(`model ${name} version ${version} runs unbatched from now on: ${reason}`),
    });
  }
}
