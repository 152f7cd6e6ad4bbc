import { endianness } from 'node:os';
import { DatatypeInfo, NumericArray, TensorData } from './datatypes';
import { formatShape, invalid } from './invalid';
import { NUL_MESSAGE } from './json-codec';

// The binary extension is little-endian and typed arrays use the host's byte order.
if (endianness() !== 'LE') throw new Error('the binary tensor extension needs a little-endian host');

const utf8 = new TextDecoder('utf-8', { fatal: true });

type BinaryArrayCtor = new (buffer: ArrayBuffer) => NumericArray | BigInt64Array | BigUint64Array;

const CTORS: Record<string, BinaryArrayCtor> = {
  BOOL: Uint8Array,
  UINT8: Uint8Array,
  UINT16: Uint16Array,
  UINT32: Uint32Array,
  UINT64: BigUint64Array,
  INT8: Int8Array,
  INT16: Int16Array,
  INT32: Int32Array,
  INT64: BigInt64Array,
  FP16: Uint16Array,
  FP32: Float32Array,
  FP64: Float64Array,
};

/**
 * Elements of one binary-encoded input: little-endian, row-major, no padding; BYTES elements as a
 * 4-byte length followed by the bytes. The size must account for exactly `count` elements.
 */
export function decodeBinary(
  info: DatatypeInfo,
  bytes: Buffer,
  shape: readonly number[],
  count: number,
  label: string,
  field: string,
): TensorData {
  if (info.datatype === 'BYTES') return decodeBytes(bytes, count, label, field);
  const expected = count * info.size;
  if (bytes.byteLength !== expected) {
    invalid(
      field,
      `${label}: binary_data_size is ${bytes.byteLength} bytes, shape ${formatShape(shape)} of ${info.datatype} needs ${expected}`,
    );
  }
  // copy into a fresh, aligned buffer: the slice of the body can start at any offset
  const copy = new Uint8Array(expected);
  copy.set(bytes);
  const data = new CTORS[info.datatype](copy.buffer);
  if (info.datatype === 'BOOL') {
    const i = (data as Uint8Array).findIndex((b) => b > 1);
    if (i >= 0) invalid(field, `${label}: BOOL element ${i} is byte ${data[i]}, expected 0 or 1`);
  }
  return data;
}

function decodeBytes(bytes: Buffer, count: number, label: string, field: string): string[] {
  const out = new Array<string>(count);
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 4 > bytes.byteLength)
      invalid(field, `${label}: binary data ends before BYTES element ${i} of ${count}`);
    const length = bytes.readUInt32LE(offset);
    offset += 4;
    if (offset + length > bytes.byteLength)
      invalid(field, `${label}: BYTES element ${i} claims ${length} bytes, past the end of its binary data`);
    const element = bytes.subarray(offset, offset + length);
    if (element.includes(0)) invalid(field, `${label}: BYTES element ${i} ${NUL_MESSAGE}`);
    try {
      out[i] = utf8.decode(element);
    } catch {
      invalid(field, `${label}: BYTES element ${i} is not valid UTF-8 (ONNX string tensors hold text)`);
    }
    offset += length;
  }
  if (offset !== bytes.byteLength)
    invalid(
      field,
      `${label}: binary_data_size is ${bytes.byteLength} bytes, its ${count} BYTES elements use ${offset}`,
    );
  return out;
}

/** Output elements in the binary extension's layout. */
export function encodeBinary(info: DatatypeInfo, data: TensorData): Buffer {
  if (info.datatype !== 'BYTES') {
    const view = data as NumericArray | BigInt64Array | BigUint64Array;
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  }
  const parts = (data as string[]).map((s) => Buffer.from(s, 'utf8'));
  const out = Buffer.allocUnsafe(parts.reduce((n, p) => n + 4 + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    out.writeUInt32LE(p.byteLength, offset);
    p.copy(out, offset + 4);
    offset += 4 + p.byteLength;
  }
  return out;
}
