import { datatypeInfo } from './datatypes';
import { summarizeTensor } from './summary';

describe('summarizeTensor', () => {
  it('keeps small tensors whole', () => {
    expect(summarizeTensor(datatypeInfo('INT64')!, [2], BigInt64Array.of(1n, 2n), 4)).toEqual({
      datatype: 'INT64',
      shape: [2],
      data: [1, 2],
    });
  });

  it('summarises large numeric tensors, leaving non-finite values out of the statistics', () => {
    const data = Float32Array.of(1, 2, 3, NaN, Infinity, 6);
    expect(summarizeTensor(datatypeInfo('FP32')!, [2, 3], data, 4)).toEqual({
      datatype: 'FP32',
      shape: [2, 3],
      summary: { count: 6, min: 1, max: 6, mean: 3, non_finite: 2 },
    });
    expect(summarizeTensor(datatypeInfo('FP16')!, [2], Uint16Array.of(0x3c00, 0xc000), 1).summary).toEqual({
      count: 2,
      min: -2,
      max: 1,
      mean: -0.5,
    });
  });

  it('counts BYTES elements without keeping them', () => {
    expect(summarizeTensor(datatypeInfo('BYTES')!, [3], ['a', 'b', 'c'], 2)).toEqual({
      datatype: 'BYTES',
      shape: [3],
      summary: { count: 3 },
    });
  });
});
