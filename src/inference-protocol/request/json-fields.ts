import { isJsonObject } from '../../common/json';
import { TensorInfo } from '../../model-registry/onnx-session';
import { DatatypeInfo, ortTypeInfo } from '../tensor/datatypes';
import { invalid, show } from '../tensor/invalid';

export type Json = Record<string, unknown>;

export function optionalObject(raw: unknown, field: string, what: string): Json | undefined {
  if (raw === undefined) return undefined;
  if (!isJsonObject(raw)) invalid(field, `${what} must be an object, got ${show(raw)}`);
  return raw;
}

export function optionalBoolean(raw: unknown, field: string): boolean | undefined {
  if (raw === undefined || typeof raw === 'boolean') return raw;
  return invalid(field, `${field} must be true or false, got ${show(raw)}`);
}

/** The tensor type a graph input or output can be fed or read as, if onnxruntime-node supports it. */
export function graphDatatype(t: TensorInfo): DatatypeInfo | undefined {
  return t.type === 'non-tensor' ? undefined : ortTypeInfo(t.type);
}
