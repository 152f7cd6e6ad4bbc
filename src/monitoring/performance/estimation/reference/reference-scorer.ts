import { Injectable } from '@nestjs/common';
import * as ort from 'onnxruntime-node';
import { FieldError } from '../../../../common/errors/domain-error';
import { ServableVersion } from '../../../../model-registry/model-version';
import { DecodedPrediction, decodeOutputs } from '../../../../model-registry/output-decoder';

const BATCH = 256;

/**
 * Runs reference rows through the version's own ONNX session, for a reference.csv that has the
 * true label but not the model's probabilities: CBPE calibrates what the model really outputs.
 * A row the encoder refuses (a value the manifest rejects) scores `undefined`.
 */
@Injectable()
export class ReferenceScorer {
  async score(
    v: ServableVersion,
    rows: Record<string, unknown>[],
  ): Promise<(DecodedPrediction | undefined)[]> {
    const out: (DecodedPrediction | undefined)[] = new Array(rows.length);
    const valid: number[] = [];
    rows.forEach((row, i) => {
      const errors: FieldError[] = [];
      v.encoder.encode([row], () => 'row', errors);
      if (errors.length === 0) valid.push(i);
    });
    for (let start = 0; start < valid.length; start += BATCH) {
      const ids = valid.slice(start, start + BATCH);
      const batch = v.encoder.encode(
        ids.map((i) => rows[i]),
        () => 'row',
        [],
      );
      const feeds: Record<string, ort.Tensor> = {};
      for (const t of batch.tensors) feeds[t.name] = new ort.Tensor('float32', t.data, [batch.rows, t.width]);
      const decoded = decodeOutputs(v.manifest, await v.session.run(feeds), batch.rows);
      ids.forEach((i, j) => (out[i] = decoded[j]));
    }
    return out;
  }
}
