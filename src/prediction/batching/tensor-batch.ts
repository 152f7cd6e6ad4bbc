import * as ort from 'onnxruntime-node';
import {
  EncodedBatch,
  EncodedTensor,
  FloatTensor,
  ortTensor,
  SequenceTensor,
  StringTensor,
} from '../../model-registry/encoded-batch';
import { Feeds, Fetches } from '../../model-registry/onnx-session';

export { feedsOf } from '../../model-registry/encoded-batch';

/**
 * Rows of several requests stacked into one tensor per input, in queue order. Token sequences of
 * different lengths are padded to the longest of the batch (each request's padding value), which is
 * how Hugging Face pipelines batch: the attention mask keeps the padding out of the answer.
 */
export function concatFeeds(batches: readonly EncodedBatch[], totalRows: number): Feeds {
  const feeds: Feeds = {};
  const first = batches[0];
  for (let t = 0; t < first.tensors.length; t++) {
    const parts = batches.map((b) => b.tensors[t]);
    feeds[first.tensors[t].name] = ortTensor(concatTensor(parts, batches, totalRows), totalRows);
  }
  return feeds;
}

function concatTensor(
  parts: EncodedTensor[],
  batches: readonly EncodedBatch[],
  totalRows: number,
): EncodedTensor {
  const first = parts[0];
  if (first.kind === 'float32') {
    const data = new Float32Array(totalRows * first.width);
    let offset = 0;
    for (const p of parts as FloatTensor[]) {
      data.set(p.data, offset);
      offset += p.data.length;
    }
    return { ...first, data };
  }
  if (first.kind === 'string') return { ...first, data: (parts as StringTensor[]).flatMap((p) => p.data) };
  const width = Math.max(...parts.map((p) => p.width));
  const data =
    first.kind === 'int64' ? new BigInt64Array(totalRows * width) : new Int32Array(totalRows * width);
  let row = 0;
  parts.forEach((p, i) => {
    const s = p as SequenceTensor;
    if (s.width === width) data.set(s.data as never, row * width);
    else padRows(s, data, row, batches[i].rows, width);
    row += batches[i].rows;
  });
  return { ...first, data, width };
}

function padRows(
  s: SequenceTensor,
  into: BigInt64Array | Int32Array,
  row: number,
  rows: number,
  width: number,
): void {
  const pad = into instanceof BigInt64Array ? BigInt(s.pad) : s.pad;
  into.fill(pad as never, row * width, (row + rows) * width);
  for (let r = 0; r < rows; r++) {
    into.set(s.data.subarray(r * s.width, (r + 1) * s.width) as never, (row + r) * width);
  }
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
