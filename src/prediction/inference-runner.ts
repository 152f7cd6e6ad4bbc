import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { EncodedBatch } from '../model-registry/feature-encoder';
import { ServableVersion } from '../model-registry/model-version';
import { Fetches } from '../model-registry/onnx-session';
import { DynamicBatcher } from './batching/dynamic-batcher';

/** Runs one encoded request through its model's session, via the model's dynamic batching queue. */
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

  async run(model: ServableVersion, batch: EncodedBatch): Promise<Fetches> {
    if (this.testDelayMs > 0 && this.delays(model))
      await new Promise((resolve) => setTimeout(resolve, this.testDelayMs));
    return this.batcher.run(model, batch);
  }

  private delays(model: ServableVersion): boolean {
    const set = this.testDelayModels;
    return set.size === 0 || set.has(model.name) || set.has(`${model.name}@${model.version}`);
  }
}
