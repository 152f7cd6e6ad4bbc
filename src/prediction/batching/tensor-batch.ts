import * as ort from 'onnxruntime-node';
import { EncodedBatch } from '../../model-registry/feature-encoder';
import { Feeds, Fetches } from '../../model-registry/onnx-session';

/** The session feeds of one encoded request: each input a float32 [rows, width] matrix. */
export function feedsOf(batch: EncodedBatch): Feeds {
  const feeds: Feeds = {};
  for (const t of batch.tensors) feeds[t.name] = new ort.Tensor('float32', t.data, [batch.rows, t.width]);
  return feeds;
}

/** Rows of several requests stacked into one matrix per input, in queue order. */
export function concatFeeds(batches: readonly EncodedBatch[], totalRows: number): Feeds {
  const feeds: Feeds = {};
  const first = batches[0];
  for (let t = 0; t < first.tensors.length; t++) {
    const { name, width } = first.tensors[t];
    const data = new Float32Array(totalRows * width);
    let offset = 0;
    for (const b of batches) {
      data.set(b.tensors[t].data, offset);
      offset += b.rows * width;
    }
    feeds[name] = new ort.Tensor('float32', data, [totalRows, width]);
  }
  return feeds;
}

export class OutputShapeError extends Error {}

/**
 * Splits every output back along its first dimension. Views share the run's buffers (no copy);
 * an output whose first dimension is not the row count cannot be split, and says so.
 */
export function splitFetches(fetches: Fetches, rowCounts: readonly number[], totalRows: number): Fetches[] {
  const parts: Fetches[] = rowCounts.map(() => ({}));
  for (const name of Object.keys(fetches)) {
    const t = fetches[name];
    if (t.dims[0] !== totalRows) {
      throw new OutputShapeError(
        `output ${name} has shape [${t.dims.join(', ')}] for ${totalRows} batched rows`,
      );
    }
    const stride = totalRows === 0 ? 0 : t.size / totalRows;
    const rest = t.dims.slice(1);
    let row = 0;
    for (let i = 0; i < rowCounts.length; i++) {
      const from = row * stride;
      const to = (row + rowCounts[i]) * stride;
      const data = Array.isArray(t.data)
        ? t.data.slice(from, to)
        : (t.data as Float32Array).subarray(from, to);
      parts[i][name] = new ort.Tensor(t.type, data as Float32Array, [rowCounts[i], ...rest]);
      row += rowCounts[i];
    }
  }
  return parts;
}
