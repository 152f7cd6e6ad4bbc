import * as ort from 'onnxruntime-node';
import { Feeds } from './onnx-session';

export type RawValue = number | string | null;

/** A float32 [rows, width] matrix: numbers and one-hot blocks. */
export interface FloatTensor {
  name: string;
  kind: 'float32';
  data: Float32Array;
  width: number;
}

/** Text passed to the graph as it is: [rows, width], or [rows] when the graph input has rank 1. */
export interface StringTensor {
  name: string;
  kind: 'string';
  data: string[];
  width: number;
  rank: 1 | 2;
}

/**
 * Token ids (input_ids, attention_mask, token_type_ids) as [rows, width], width being the longest
 * sequence of this request; the batcher pads a request's rows with `pad` to a batch's longest.
 */
export interface SequenceTensor {
  name: string;
  kind: 'int64' | 'int32';
  data: BigInt64Array | Int32Array;
  width: number;
  pad: number;
  /** A graph with a fixed sequence length is always fed exactly that many columns. */
  fixedWidth?: number;
}

export type EncodedTensor = FloatTensor | StringTensor | SequenceTensor;

/** A text the model saw shortened: in characters (when the manifest says truncate) or in tokens. */
export interface TruncationNote {
  row: number;
  field: string;
  unit: 'characters' | 'tokens';
  from: number;
  to: number;
}

export interface EncodedBatch {
  /** One tensor per graph input. */
  tensors: EncodedTensor[];
  /** The validated values as received (before clipping, defaults or truncation), for the prediction log. */
  values: Record<string, RawValue>[];
  rows: number;
  /** Rows whose text was truncated; absent when none was. */
  truncated?: TruncationNote[];
}

/** One encoded tensor as an onnxruntime tensor of `rows` rows. */
export function ortTensor(t: EncodedTensor, rows: number): ort.Tensor {
  switch (t.kind) {
    case 'float32':
      return new ort.Tensor('float32', t.data, [rows, t.width]);
    case 'string':
      return new ort.Tensor('string', t.data, t.rank === 1 ? [rows] : [rows, t.width]);
    default:
      return new ort.Tensor(t.kind, t.data, [rows, t.width]);
  }
}

/** The session feeds of one encoded request. */
export function feedsOf(batch: EncodedBatch): Feeds {
  const feeds: Feeds = {};
  for (const t of batch.tensors) feeds[t.name] = ortTensor(t, batch.rows);
  return feeds;
}
