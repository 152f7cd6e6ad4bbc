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
import { feedsOf } from '../../model-registry/encoded-batch';

export { feedsOf } from '../../model-registry/encoded-batch';

/**
 * One request as a batching queue holds it: a v1 request as its encoder wrote it (token sequences
 * of any length batch together, padded), or a v2 request's tensors as the client sent them.
 */
export type BatchItem =
  | { kind: 'encoded'; batch: EncodedBatch; rows: number; outputs?: undefined }
  | {
      kind: 'tensors';
      feeds: Feeds;
      /** The first dimension of every feed. */
      rows: number;
      /** The outputs to compute; undefined for all of them. */
      outputs?: readonly string[];
    };

type TypedArray = Exclude<ort.Tensor['data'], string[]>;
type TypedArrayConstructor = new (length: number) => TypedArray;

/** The session feeds of one request run alone. */
export function itemFeeds(item: BatchItem): Feeds {
  return item.kind === 'encoded' ? feedsOf(item.batch) : item.feeds;
}

/** The feeds of several requests of one queue (so of one kind and signature) run together. */
export function concatItems(items: readonly BatchItem[], totalRows: number): Feeds {
  if (items[0].kind === 'encoded')
    return concatFeeds(
      items.map((i) => (i as Extract<BatchItem, { kind: 'encoded' }>).batch),
      totalRows,
    );
  return concatTensors(
    items.map((i) => (i as Extract<BatchItem, { kind: 'tensors' }>).feeds),
    totalRows,
  );
}

/**
 * The rows every feed shares as its first dimension, or undefined when they do not share one (a
 * scalar input, or inputs of different lengths): such a request can only run alone.
 */
export function sharedRows(feeds: Feeds): number | undefined {
  let rows: number | undefined;
  for (const name in feeds) {
    const first = feeds[name].dims[0];
    if (first === undefined || (rows !== undefined && first !== rows)) return undefined;
    rows = first;
  }
  return rows;
}

/**
 * What v2 requests must have in common to run as one session call: the same inputs with the same
 * element types and the same dimensions after the first, and the same outputs asked for.
 */
export function batchKey(feeds: Feeds, outputs?: readonly string[]): string {
  let key = outputs === undefined ? '*' : outputs.join('\u0000');
  for (const name in feeds) {
    const t = feeds[name];
    key += `\u0001${name}\u0000${t.type}\u0000${t.dims.slice(1).join(',')}`;
  }
  return key;
}

/** Tensors of several requests stacked along every input's first dimension, in queue order. */
export function concatTensors(requests: readonly Feeds[], totalRows: number): Feeds {
  const feeds: Feeds = {};
  for (const name in requests[0]) {
    const first = requests[0][name];
    const rest = first.dims.slice(1);
    if (Array.isArray(first.data)) {
      const data = requests.flatMap((r) => r[name].data as string[]);
      feeds[name] = new ort.Tensor('string', data, [totalRows, ...rest]);
      continue;
    }
    const Ctor = first.data.constructor as TypedArrayConstructor;
    const data = new Ctor(totalRows * rest.reduce((a, b) => a * b, 1));
    let offset = 0;
    for (const r of requests) {
      const part = r[name].data as TypedArray;
      (data as Float32Array).set(part as Float32Array, offset);
      offset += part.length;
    }
    feeds[name] = new ort.Tensor(first.type, data, [totalRows, ...rest]);
  }
  return feeds;
}

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
