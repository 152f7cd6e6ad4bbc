// IEEE 754 binary16 conversions: Node 20 has no Float16Array, and onnxruntime-node takes and
// returns FP16 tensors as the raw half bits in a Uint16Array.

/** The largest finite half: values that round beyond it do not fit FP16. */
export const FP16_MAX = 65504;

// Every step below is exact in double arithmetic (scaling by powers of two, subtracting within
// [1, 2)), so the only rounding is the final ties-to-even one: no double rounding via float32.
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The half nearest to a JSON number (ties to even), as numpy's float64 → float16 cast gives. */
export function toHalfBits(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  // 65520 is halfway between 65504 and 2^16: it and everything above round to infinity
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal; 1024 is the smallest normal
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let mant = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (mant === 1024) {
    mant = 0;
    e++;
  }
  if (e > 15) return sign | 0x7c00;
  return sign | ((e + 15) << 10) | mant;
}

export function fromHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
