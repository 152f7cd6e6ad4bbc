import { allocate, BigIntArray, DatatypeInfo, INTEGER_RANGE, NumericArray, TensorData } from './datatypes';
import { fromHalfBits, toHalfBits } from './fp16';
import { invalid, show } from './invalid';

// JSON has no NaN or infinities: floats carry them as these strings, both ways.
const SPECIAL_FLOATS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
const INTEGER_TEXT = /^-?\d{1,20}$/;
/** onnxruntime-node cuts string tensor elements at the first NUL: refuse them rather than lose the rest. */
export const NUL_MESSAGE = "contains a NUL character, which onnxruntime's string tensors cannot hold";

/**
 * Typed storage for the elements of a JSON `data` array. Each element is checked against the
 * datatype: integers must be whole and in range (64-bit ones beyond 2^53 as decimal strings, since
 * a JSON number has already lost them), floats must fit the type, BYTES must be strings. Nothing
 * is truncated or wrapped; the first bad element rejects the request.
 */
export function decodeJson(info: DatatypeInfo, values: unknown[], label: string, field: string): TensorData {
  const out = allocate(info, values.length);
  // an explicit type annotation makes calls narrow like `never` calls do
  const bad: (i: number, why: string) => never = (i, why) =>
    invalid(field, `${label}: data element ${i} (${show(values[i])}) ${why}`);
  const dt = info.datatype;
  switch (dt) {
    case 'BOOL': {
      const target = out as Uint8Array;
      values.forEach((v, i) => {
        if (v === true || v === 1) target[i] = 1;
        else if (v === false || v === 0) target[i] = 0;
        else bad(i, 'is not a BOOL (true or false)');
      });
      return out;
    }
    case 'BYTES': {
      const target = out as string[];
      values.forEach((v, i) => {
        if (typeof v !== 'string') bad(i, 'is not a string (BYTES elements are JSON strings)');
        if (v.includes('\u0000')) bad(i, NUL_MESSAGE);
        target[i] = v;
      });
      return out;
    }
    case 'FP16':
    case 'FP32':
    case 'FP64': {
      const target = out as Uint16Array | Float32Array | Float64Array;
      values.forEach((v, i) => {
        const n = typeof v === 'number' ? v : typeof v === 'string' ? SPECIAL_FLOATS[v] : undefined;
        if (n === undefined) bad(i, `is not a number (${dt} takes numbers, "NaN", "Infinity", "-Infinity")`);
        if (dt === 'FP16') {
          const bits = toHalfBits(n);
          if ((bits & 0x7fff) === 0x7c00 && Number.isFinite(n)) bad(i, 'is out of range for FP16 (±65504)');
          target[i] = bits;
        } else {
          if (dt === 'FP32' && Number.isFinite(n) && !Number.isFinite(Math.fround(n)))
            bad(i, 'is out of range for FP32');
          target[i] = n;
        }
      });
      return out;
    }
    default: {
      const [min, max] = INTEGER_RANGE[dt]!;
      const integer = (v: unknown, i: number): bigint => {
        let n: bigint;
        if (typeof v === 'number') {
          if (!Number.isInteger(v)) bad(i, `is not an integer (${dt})`);
          if (!Number.isSafeInteger(v))
            bad(i, 'is beyond 2^53 and lost precision in JSON: send it as a decimal string');
          n = BigInt(v);
        } else if (typeof v === 'string' && INTEGER_TEXT.test(v)) {
          n = BigInt(v);
        } else {
          return bad(i, `is not an integer (${dt})`);
        }
        if (n < min || n > max) bad(i, `is out of range for ${dt} (${min}..${max})`);
        return n;
      };
      if (dt === 'INT64' || dt === 'UINT64') {
        const target = out as BigIntArray;
        values.forEach((v, i) => (target[i] = integer(v, i)));
        return out;
      }
      // the common case (a JSON integer in range) skips BigInt entirely
      const lo = Number(min);
      const hi = Number(max);
      const target = out as NumericArray;
      values.forEach((v, i) => {
        target[i] =
          typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : Number(integer(v, i));
      });
      return out;
    }
  }
}

/** Output elements as the text of a flat JSON array, with 64-bit integers written exactly. */
export function encodeJson(info: DatatypeInfo, data: TensorData): string {
  switch (info.datatype) {
    case 'BYTES':
      return JSON.stringify(data);
    case 'BOOL':
      return `[${Array.from(data as Uint8Array, (b) => (b ? 'true' : 'false')).join(',')}]`;
    case 'FP16':
      return floats(Array.from(data as Uint16Array, fromHalfBits));
    case 'FP32':
    case 'FP64':
      return floats(data as Float32Array | Float64Array);
    default:
      // typed arrays (BigInt ones included) join as plain decimal integers
      return `[${(data as Exclude<TensorData, string[]>).join(',')}]`;
  }
}

function floats(values: ArrayLike<number> & { join(sep: string): string }): string {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      return `[${Array.from(values, (v) => (Number.isFinite(v) ? String(v) : `"${v}"`)).join(',')}]`;
    }
  }
  return `[${values.join(',')}]`;
}

/** One element in a plain JSON form for logs: bigints as numbers when exact, else as strings. */
export function plainValues(info: DatatypeInfo, data: TensorData): unknown[] {
  switch (info.datatype) {
    case 'BOOL':
      return Array.from(data as Uint8Array, (b) => b === 1);
    case 'FP16':
      return Array.from(data as Uint16Array, fromHalfBits);
    case 'INT64':
    case 'UINT64':
      return Array.from(data as BigInt64Array | BigUint64Array, (b) => {
        const n = Number(b);
        return Number.isSafeInteger(n) ? n : b.toString();
      });
    default:
      return Array.from(data as ArrayLike<unknown>);
  }
}
