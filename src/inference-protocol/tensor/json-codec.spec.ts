import { datatypeInfo, Datatype } from './datatypes';
import { decodeJson, encodeJson, plainValues } from './json-codec';
import { domainMessage } from '../../../test/utils/domain-message';

const info = (dt: Datatype) => datatypeInfo(dt)!;
const decode = (dt: Datatype, values: unknown[]) =>
  decodeJson(info(dt), values, 'input "x"', 'inputs[0].data');

describe('decodeJson', () => {
  it('fills the typed array of each datatype', () => {
    expect(decode('BOOL', [true, false, 1, 0])).toEqual(Uint8Array.of(1, 0, 1, 0));
    expect(decode('UINT8', [0, 255])).toEqual(Uint8Array.of(0, 255));
    expect(decode('INT8', [-128, 127])).toEqual(Int8Array.of(-128, 127));
    expect(decode('UINT16', [65535])).toEqual(Uint16Array.of(65535));
    expect(decode('INT16', [-32768])).toEqual(Int16Array.of(-32768));
    expect(decode('UINT32', [4294967295])).toEqual(Uint32Array.of(4294967295));
    expect(decode('INT32', [-2147483648, '7'])).toEqual(Int32Array.of(-2147483648, 7));
    expect(decode('FP32', [1.5, 'NaN', '-Infinity'])).toEqual(Float32Array.of(1.5, NaN, -Infinity));
    expect(decode('FP64', [0.1])).toEqual(Float64Array.of(0.1));
    expect(decode('FP16', [1, -2])).toEqual(Uint16Array.of(0x3c00, 0xc000));
    expect(decode('BYTES', ['a', ''])).toEqual(['a', '']);
  });

  it('takes 64-bit integers beyond 2^53 exactly, as decimal strings', () => {
    expect(decode('UINT64', ['18446744073709551615', 3])).toEqual(
      BigUint64Array.of(18446744073709551615n, 3n),
    );
    expect(decode('INT64', ['-9223372036854775808'])).toEqual(BigInt64Array.of(-9223372036854775808n));
  });

  it.each<[Datatype, unknown, RegExp]>([
    ['INT64', 1.5, /element 0 \(1\.5\) is not an integer \(INT64\)/],
    // 2^53 + 1 as a client's JSON carries it: parsed into the double 2^53
    ['INT64', Number('9007199254740993'), /beyond 2\^53/],
    ['UINT8', 256, /out of range for UINT8 \(0\.\.255\)/],
    ['UINT64', -1, /out of range for UINT64/],
    ['INT8', '-129', /out of range for INT8/],
    ['UINT64', '18446744073709551616', /out of range for UINT64/],
    ['INT32', true, /is not an integer/],
    ['FP16', 70000, /out of range for FP16/],
    ['FP32', 1e39, /out of range for FP32/],
    ['FP64', 'one', /is not a number/],
    ['BOOL', 'yes', /is not a BOOL/],
    ['BOOL', 2, /is not a BOOL/],
    ['BYTES', 5, /is not a string/],
    ['BYTES', 'a\u0000b', /contains a NUL character/],
    ['FP32', [1], /is not a number/],
  ])('rejects %s element %p, naming the input', (dt, value, expected) => {
    const text = domainMessage(() => decode(dt, [value]));
    expect(text).toMatch(/^input "x": data element 0/);
    expect(text).toMatch(expected);
  });
});

describe('encodeJson', () => {
  it('writes 64-bit integers as exact literals and non-finite floats as strings', () => {
    expect(encodeJson(info('UINT64'), BigUint64Array.of(18446744073709551615n))).toBe(
      '[18446744073709551615]',
    );
    expect(encodeJson(info('INT64'), BigInt64Array.of(-5n, 7n))).toBe('[-5,7]');
    expect(encodeJson(info('FP32'), Float32Array.of(1.5, NaN, Infinity))).toBe('[1.5,"NaN","Infinity"]');
    expect(encodeJson(info('FP16'), Uint16Array.of(0x3c00, 0x7c00))).toBe('[1,"Infinity"]');
    expect(encodeJson(info('BOOL'), Uint8Array.of(1, 0))).toBe('[true,false]');
    expect(encodeJson(info('BYTES'), ['a"b', 'é'])).toBe('["a\\"b","é"]');
  });

  it('round-trips through JSON.parse for every datatype but the 64-bit ones beyond 2^53', () => {
    expect(JSON.parse(encodeJson(info('INT8'), Int8Array.of(-1, 2)))).toEqual([-1, 2]);
    expect(JSON.parse(encodeJson(info('FP64'), Float64Array.of(0.1, -3)))).toEqual([0.1, -3]);
  });
});

describe('plainValues', () => {
  it('gives log-friendly elements: booleans, half values, bigints as numbers or strings', () => {
    expect(plainValues(info('BOOL'), Uint8Array.of(1, 0))).toEqual([true, false]);
    expect(plainValues(info('FP16'), Uint16Array.of(0x3c00))).toEqual([1]);
    expect(plainValues(info('UINT64'), BigUint64Array.of(5n, 18446744073709551615n))).toEqual([
      5,
      '18446744073709551615',
    ]);
  });
});
