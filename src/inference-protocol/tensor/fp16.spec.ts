import { fromHalfBits, toHalfBits } from './fp16';

// [value, half bits] from numpy: np.array(values, dtype=np.float64).astype(np.float16).view(np.uint16)
const NUMPY: [number, number][] = [
  [0.0, 0],
  [-0.0, 32768],
  [1.0, 15360],
  [-2.0, 49152],
  [0.1, 11878],
  [1 / 3, 13653],
  [65504.0, 31743],
  [65519.99, 31743],
  [65520.0, 31744],
  [1e-8, 0],
  [2 ** -24, 1],
  [2 ** -25, 0],
  [3 * 2 ** -25, 2],
  [2 ** -14, 1024],
  [1.00048828125, 15360],
  [1.00146484375, 15362],
  [1 + 2 ** -11 + 2 ** -40, 15361],
  [6.097555160522461e-5, 1023],
  [3.14159, 16968],
  [-1234.5678, 58579],
  [2.086162567138672e-7, 4],
  [2.682209014892578e-7, 4],
  [1.00244140625, 15362],
  [1.00341796875, 15364],
];

describe('fp16', () => {
  it.each(NUMPY)('rounds %p to the half numpy gives (%p)', (value, bits) => {
    expect(toHalfBits(value)).toBe(bits);
  });

  it('rounds once, from the double: a value just above a tie is not pulled to even through float32', () => {
    // float32 would first round 1 + 2^-11 + 2^-40 to the tie 1 + 2^-11, which then goes to even (1.0)
    expect(toHalfBits(1 + 2 ** -11 + 2 ** -40)).toBe(0x3c01);
  });

  it('maps infinities and NaN', () => {
    expect(toHalfBits(Infinity)).toBe(0x7c00);
    expect(toHalfBits(-Infinity)).toBe(0xfc00);
    expect(fromHalfBits(toHalfBits(NaN))).toBeNaN();
  });

  it('round-trips every finite half', () => {
    const bad: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = fromHalfBits(bits);
      if (!Number.isNaN(value) && toHalfBits(value) !== bits) bad.push(bits);
    }
    expect(bad).toEqual([]);
  });
});
