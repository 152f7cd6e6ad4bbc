import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EncodedBatch } from '../model-registry/feature-encoder';
import { Feeds, Fetches } from '../model-registry/onnx-session';
import { BatchedModel, DynamicBatcher } from './batching/dynamic-batcher';

/** Runs one request through its model's session, via the model's dynamic batching queues. */
@Injectable()
export class InferenceRunner {
  private readonly testDelayMs: number;
  private readonly testDelayModels: Set<string>;

  constructor(
    private readonly batcher: DynamicBatcher,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // SIGHTLINE_TEST_INFERENCE_DELAY_MS: test-only (refused in production), makes latency alerts provable
    this.testDelayMs = config.testing.inferenceDelayMs;
    this.testDelayModels = new Set(config.testing.inferenceDelayModels);
  }

  /** A v1 request, encoded from its features. */
  async run(model: BatchedModel, batch: EncodedBatch): Promise<Fetches> {
    if (this.testDelayMs > 0 && this.delays(model)) await this.delay();
    return this.batcher.run(model, batch);
  }

  /** A v2 request's tensors; `outputs` undefined computes them all. */
  async runTensors(model: BatchedModel, feeds: Feeds, outputs?: readonly string[]): Promise<Fetches> {
    if (this.testDelayMs > 0 && this.delays(model)) await this.delay();
    return this.batcher.runTensors(model, feeds, outputs);
  }

  private delay(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.testDelayMs));
  }

  private delays(model: BatchedModel): boolean {
    const set = this.testDelayModels;
    return set.size === 0 || set.has(model.name) || set.has(`${model.name}@${model.version}`);
  }
}
