import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { EncodedBatch } from '../../model-registry/feature-encoder';
import { ServableVersion } from '../../model-registry/model-version';
import { Fetches, ModelSession } from '../../model-registry/onnx-session';
import { BatchEvents } from './batch-events';
import { fixedBatchReason, resolveBatchLimits } from './batch-limits';
import { BatchQueue } from './batch-queue';

/**
 * One dynamic batching queue per model version, keyed by its session so a reloaded version
 * starts a fresh queue and a released one leaves nothing behind.
 */
@Injectable()
export class DynamicBatcher {
  private readonly logger = new Logger(DynamicBatcher.name);
  private readonly queues = new WeakMap<ModelSession, BatchQueue>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: BatchEvents,
    private readonly clock: Clock,
  ) {}

  run(model: ServableVersion, batch: EncodedBatch): Promise<Fetches> {
    let queue = this.queues.get(model.session);
    if (queue === undefined) {
      queue = this.createQueue(model);
      this.queues.set(model.session, queue);
    }
    return queue.submit(batch);
  }

  private createQueue(model: ServableVersion): BatchQueue {
    const label = `model ${model.name} version ${model.version}`;
    const problems: string[] = [];
    const limits = resolveBatchLimits(this.config.batching, model.manifest, problems);
    for (const p of problems) this.logger.warn(`${label}: ${p}; using the default`);
    const fixed = fixedBatchReason(model.session.inputs, model.session.outputs);
    if (fixed !== undefined) {
      limits.maxBatchSize = 1;
      this.logger.log(`${label} runs unbatched: ${fixed}`);
    }
    const { name, version } = model;
    return new BatchQueue(model.session, limits, {
      now: () => this.clock.monotonicMs(),
      ran: (size, waits) => this.events.batch(name, version, size, waits),
      unbatchable: (reason) => this.logger.warn(`${label} runs unbatched from now on: ${reason}`),
    });
  }
}
