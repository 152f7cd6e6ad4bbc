import { TensorInfo } from '../../model-registry/onnx-session';
import { formatShape, invalid, show } from './invalid';

// A tensor past 2^31 elements cannot be held in a typed array anyway; refuse it before allocating.
const MAX_ELEMENTS = 2 ** 31 - 1;

/** The protocol shape as given: each dimension a non-negative integer. */
export function parseShape(raw: unknown, label: string, field: string): number[] {
  if (!Array.isArray(raw)) invalid(field, `${label}: shape must be an array of dimensions, got ${show(raw)}`);
  if (raw.length > 32)
    invalid(field, `${label}: shape has ${raw.length} dimensions, at most 32 are supported`);
  raw.forEach((d, i) => {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0)
      invalid(field, `${label}: shape[${i}] must be a non-negative integer, got ${show(d)}`);
  });
  const shape = raw as number[];
  if (elementCount(shape) > MAX_ELEMENTS)
    invalid(field, `${label}: shape ${formatShape(shape)} has more than ${MAX_ELEMENTS} elements`);
  return shape;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** Model dimensions for the protocol: fixed sizes as they are, dynamic ones (named or unknown) as -1. */
export function protocolShape(shape: readonly (number | string)[]): number[] {
  return shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1));
}

/** The request shape must have the model's rank and match every fixed dimension. */
export function checkAgainstModel(
  shape: readonly number[],
  info: TensorInfo,
  label: string,
  field: string,
): void {
  const declared = protocolShape(info.shape);
  if (shape.length !== declared.length) {
    invalid(
      field,
      `${label}: shape ${formatShape(shape)} has rank ${shape.length}, the model expects rank ${declared.length} ${formatShape(declared)}`,
    );
  }
  declared.forEach((d, i) => {
    if (d !== -1 && shape[i] !== d)
      invalid(
        field,
        `${label}: dimension ${i} is ${shape[i]}, the model expects ${d} (shape ${formatShape(declared)})`,
      );
  });
}

/**
 * Row-major elements of `data`, which may be flat or nested in the tensor's natural
 * multi-dimensional form. Nested data must match the shape exactly: a ragged or mis-nested
 * array is an error, never reinterpreted.
 */
export function flattenData(
  data: unknown,
  shape: readonly number[],
  label: string,
  field: string,
): unknown[] {
  if (!Array.isArray(data)) invalid(field, `${label}: data must be an array, got ${show(data)}`);
  const count = elementCount(shape);
  if (data.length === 0 || !Array.isArray(data[0])) {
    if (data.length !== count)
      invalid(
        field,
        `${label}: shape ${formatShape(shape)} needs ${count} elements, data has ${data.length}`,
      );
    return data;
  }
  if (shape.length < 2)
    invalid(field, `${label}: data is nested but shape ${formatShape(shape)} has rank ${shape.length}`);
  const out = new Array<unknown>(count);
  let k = 0;
  const walk = (node: unknown, depth: number, path: string): void => {
    if (!Array.isArray(node) || node.length !== shape[depth])
      invalid(
        field,
        `${label}: data${path} must be an array of ${shape[depth]} elements to match shape ${formatShape(shape)}`,
      );
    if (depth === shape.length - 1) {
      for (let i = 0; i < node.length; i++) {
        if (Array.isArray(node[i]))
          invalid(field, `${label}: data${path}[${i}] is nested deeper than shape ${formatShape(shape)}`);
        out[k++] = node[i];
      }
      return;
    }
    for (let i = 0; i < node.length; i++) walk(node[i], depth + 1, `${path}[${i}]`);
  };
  walk(data, 0, '');
  return out;
}
