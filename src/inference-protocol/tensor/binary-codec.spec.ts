import { decodeBinary, encodeBinary } from './binary-codec';
import { datatypeInfo, Datatype } from './datatypes';
import { domainMessage } from '../../../test/utils/domain-message';

const info = (dt: Datatype) => datatypeInfo(dt)!;
const decode = (dt: Datatype, bytes: Buffer, shape: number[]) =>
  decodeBinary(
    info(dt),
    bytes,
    shape,
    shape.reduce((a, b) => a * b, 1),
    'input "x"',
    'inputs[0]',
  );

function lengthPrefixed(...items: (string | Buffer)[]): Buffer {
  return Buffer.concat(
    items.flatMap((s) => {
      const bytes = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.byteLength);
      return [length, bytes];
    }),
  );
}

describe('decodeBinary', () => {
  it('reads little-endian elements from an unaligned slice', () => {
    const body = Buffer.concat([Buffer.from([9]), Buffer.from(Float32Array.of(1.5, -2).buffer)]);
    expect(decode('FP32', body.subarray(1), [2])).toEqual(Float32Array.of(1.5, -2));
    const big = Buffer.from(BigUint64Array.of(18446744073709551615n).buffer);
    expect(decode('UINT64', big, [1])).toEqual(BigUint64Array.of(18446744073709551615n));
  });

  it('reads BYTES as length-prefixed UTF-8', () => {
    expect(decode('BYTES', lengthPrefixed('héllo', '', '🙂'), [3])).toEqual(['héllo', '', '🙂']);
  });

  it('rejects sizes that do not match the shape, bad booleans and bad BYTES', () => {
    expect(domainMessage(() => decode('FP32', Buffer.alloc(7), [2]))).toBe(
      'input "x": binary_data_size is 7 bytes, shape [2] of FP32 needs 8',
    );
    expect(domainMessage(() => decode('BOOL', Buffer.from([1, 2]), [2]))).toMatch(/BOOL element 1 is byte 2/);
    expect(domainMessage(() => decode('BYTES', lengthPrefixed('a'), [2]))).toMatch(
      /ends before BYTES element 1 of 2/,
    );
    expect(domainMessage(() => decode('BYTES', lengthPrefixed('a', 'b'), [1]))).toMatch(
      /its 1 BYTES elements use 5/,
    );
    expect(domainMessage(() => decode('BYTES', lengthPrefixed(Buffer.from([0xff])), [1]))).toMatch(
      /not valid UTF-8/,
    );
    // onnxruntime-node would cut the element at the NUL: refused rather than truncated
    expect(domainMessage(() => decode('BYTES', lengthPrefixed('ok', 'a\u0000b'), [2]))).toMatch(
      /BYTES element 1 contains a NUL character/,
    );
    const truncated = lengthPrefixed('abcd').subarray(0, 6);
    expect(domainMessage(() => decode('BYTES', truncated, [1]))).toMatch(/claims 4 bytes, past the end/);
  });
});

describe('encodeBinary', () => {
  it('writes numeric tensors as their bytes and BYTES length-prefixed', () => {
    expect(encodeBinary(info('INT16'), Int16Array.of(-1, 2))).toEqual(Buffer.from([0xff, 0xff, 2, 0]));
    expect(encodeBinary(info('BYTES'), ['ab', ''])).toEqual(lengthPrefixed('ab', ''));
  });
});
