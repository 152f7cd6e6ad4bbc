/** The tensor datatypes of the Open Inference Protocol that onnxruntime-node can take. */
export type Datatype =
  | 'BOOL'
  | 'UINT8'
  | 'UINT16'
  | 'UINT32'
  | 'UINT64'
  | 'INT8'
  | 'INT16'
  | 'INT32'
  | 'INT64'
  | 'FP16'
  | 'FP32'
  | 'FP64'
  | 'BYTES';

/** onnxruntime-node element type names, as the session metadata and tensors spell them. */
export type OrtType =
  | 'bool'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'float16'
  | 'float32'
  | 'float64'
  | 'string';

export type NumericArray =
  Uint8Array | Uint16Array | Uint32Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
export type BigIntArray = BigInt64Array | BigUint64Array;
/** Element storage for one tensor; BOOL is a Uint8Array of 0/1, FP16 a Uint16Array of IEEE half bits. */
export type TensorData = NumericArray | BigIntArray | string[];

export interface DatatypeInfo {
  datatype: Datatype;
  ort: OrtType;
  /** Bytes per element in the binary extension; 0 for BYTES (length-prefixed, variable). */
  size: number;
}

const TABLE: DatatypeInfo[] = [
  { datatype: 'BOOL', ort: 'bool', size: 1 },
  { datatype: 'UINT8', ort: 'uint8', size: 1 },
  { datatype: 'UINT16', ort: 'uint16', size: 2 },
  { datatype: 'UINT32', ort: 'uint32', size: 4 },
  { datatype: 'UINT64', ort: 'uint64', size: 8 },
  { datatype: 'INT8', ort: 'int8', size: 1 },
  { datatype: 'INT16', ort: 'int16', size: 2 },
  { datatype: 'INT32', ort: 'int32', size: 4 },
  { datatype: 'INT64', ort: 'int64', size: 8 },
  { datatype: 'FP16', ort: 'float16', size: 2 },
  { datatype: 'FP32', ort: 'float32', size: 4 },
  { datatype: 'FP64', ort: 'float64', size: 8 },
  { datatype: 'BYTES', ort: 'string', size: 0 },
];

const BY_DATATYPE = new Map<string, DatatypeInfo>(TABLE.map((t) => [t.datatype, t]));
const BY_ORT = new Map<string, DatatypeInfo>(TABLE.map((t) => [t.ort, t]));

export const SUPPORTED_DATATYPES: readonly Datatype[] = TABLE.map((t) => t.datatype);

export function datatypeInfo(datatype: string): DatatypeInfo | undefined {
  return BY_DATATYPE.get(datatype);
}

export function ortTypeInfo(ort: string): DatatypeInfo | undefined {
  return BY_ORT.get(ort);
}

/**
 * The protocol name for a graph's element type. Types onnxruntime-node cannot feed (bfloat16,
 * 4-bit, non-tensor values) still get a descriptive name for metadata; inference then refuses them.
 */
export function protocolDatatype(ort: string): string {
  const info = BY_ORT.get(ort);
  if (info) return info.datatype;
  if (ort === 'bfloat16') return 'BF16';
  return ort.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** Integer bounds per integer datatype, as bigint so 64-bit limits are exact. */
export const INTEGER_RANGE: Partial<Record<Datatype, [bigint, bigint]>> = {
  UINT8: [0n, 255n],
  UINT16: [0n, 65535n],
  UINT32: [0n, 4294967295n],
  UINT64: [0n, 18446744073709551615n],
  INT8: [-128n, 127n],
  INT16: [-32768n, 32767n],
  INT32: [-2147483648n, 2147483647n],
  INT64: [-9223372036854775808n, 9223372036854775807n],
};

export function allocate(info: DatatypeInfo, count: number): TensorData {
  switch (info.datatype) {
    case 'BOOL':
    case 'UINT8':
      return new Uint8Array(count);
    case 'UINT16':
    case 'FP16':
      return new Uint16Array(count);
    case 'UINT32':
      return new Uint32Array(count);
    case 'UINT64':
      return new BigUint64Array(count);
    case 'INT8':
      return new Int8Array(count);
    case 'INT16':
      return new Int16Array(count);
    case 'INT32':
      return new Int32Array(count);
    case 'INT64':
      return new BigInt64Array(count);
    case 'FP32':
      return new Float32Array(count);
    case 'FP64':
      return new Float64Array(count);
    case 'BYTES':
      return new Array<string>(count);
  }
}
