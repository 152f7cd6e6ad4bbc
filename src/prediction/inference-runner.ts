import { Injectable } from '@nestjs/common';
import * as ort from 'onnxruntime-node';
import { EncodedBatch } from '../model-registry/feature-encoder';
import { ServableVersion } from '../model-registry/model-version';
import { Fetches } from '../model-registry/onnx-session';

/** Runs one encoded batch through a model's session; the seam where dynamic batching plugs in. */
@Injectable()
export class InferenceRunner {
  async run(model: ServableVersion, batch: EncodedBatch): Promise<Fetches> {
    const feeds: Record<string, ort.Tensor> = {};
    for (const t of batch.tensors) feeds[t.name] = new ort.Tensor('float32', t.data, [batch.rows, t.width]);
    return model.session.run(feeds);
  }
}
