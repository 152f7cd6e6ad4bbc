import { DatatypeInfo, TensorData } from './datatypes';
import { fromHalfBits } from './fp16';
import { plainValues } from './json-codec';

export interface TensorStats {
  count: number;
  min?: number;
  max?: number;
  mean?: number;
  /** NaN and infinities, left out of min/max/mean. */
  non_finite?: number;
}

export interface TensorLogEntry {
  datatype: string;
  shape: number[];
  /** The elements, when the tensor is small enough to keep whole. */
  data?: unknown[];
  /** What is kept of a large tensor instead of its elements. */
  summary?: TensorStats;
}

/**
 * What the prediction log keeps of one tensor: its elements up to `maxElements`, beyond that its
 * datatype, shape and summary statistics (min/max/mean for numbers, the count for BYTES), so a
 * million-element input costs a few bytes in Postgres, not megabytes.
 */
export function summarizeTensor(
  info: DatatypeInfo,
  shape: number[],
  data: TensorData,
  maxElements: number,
): TensorLogEntry {
  if (data.length <= maxElements) return { datatype: info.datatype, shape, data: plainValues(info, data) };
  return { datatype: info.datatype, shape, summary: stats(info, data) };
}

function stats(info: DatatypeInfo, data: TensorData): TensorStats {
  if (info.datatype === 'BYTES') return { count: data.length };
  const read: (i: number) => number =
    info.datatype === 'FP16'
      ? (i) => fromHalfBits((data as Uint16Array)[i])
      : (i) => Number((data as ArrayLike<number | bigint>)[i]);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < data.length; i++) {
    const v = read(i);
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    finite++;
  }
  const out: TensorStats = { count: data.length };
  if (finite > 0) Object.assign(out, { min, max, mean: sum / finite });
  if (finite < data.length) out.non_finite = data.length - finite;
  return out;
}
