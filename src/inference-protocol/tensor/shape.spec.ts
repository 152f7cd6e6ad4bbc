import { checkAgainstModel, flattenData, parseShape, protocolShape } from './shape';
import { domainMessage } from '../../../test/utils/domain-message';

const flat = (data: unknown, shape: number[]) => flattenData(data, shape, 'input "x"', 'inputs[0].data');

describe('flattenData', () => {
  it('takes flat data and the natural nested form alike', () => {
    expect(flat([1, 2, 3, 4, 5, 6], [2, 3])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      flat(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [2, 3],
      ),
    ).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      flat(
        [
          [[1], [2]],
          [[3], [4]],
        ],
        [2, 2, 1],
      ),
    ).toEqual([1, 2, 3, 4]);
    expect(flat([7], [])).toEqual([7]);
    expect(flat([], [0, 3])).toEqual([]);
  });

  it('rejects counts that do not match the shape, and ragged or mis-nested data', () => {
    expect(domainMessage(() => flat([1, 2, 3, 4, 5], [2, 3]))).toBe(
      'input "x": shape [2, 3] needs 6 elements, data has 5',
    );
    expect(
      domainMessage(() =>
        flat(
          [
            [1, 2, 3],
            [4, 5],
          ],
          [2, 3],
        ),
      ),
    ).toBe('input "x": data[1] must be an array of 3 elements to match shape [2, 3]');
    expect(
      domainMessage(() =>
        flat(
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          [2, 3],
        ),
      ),
    ).toMatch(/data must be an array of 2 elements/);
    expect(domainMessage(() => flat([[1, 2]], [2]))).toMatch(/data is nested but shape \[2\] has rank 1/);
    expect(domainMessage(() => flat([[[1]], [[2]]], [2, 1]))).toMatch(/data\[0\]\[0\] is nested deeper/);
    expect(domainMessage(() => flat(5, []))).toMatch(/data must be an array, got 5/);
  });
});

describe('parseShape', () => {
  it('accepts non-negative integers only', () => {
    expect(parseShape([2, 0, 3], 'input "x"', 'f')).toEqual([2, 0, 3]);
    expect(domainMessage(() => parseShape([2, -1], 'input "x"', 'f'))).toMatch(
      /shape\[1\] must be a non-negative integer/,
    );
    expect(domainMessage(() => parseShape([1.5], 'input "x"', 'f'))).toMatch(/shape\[0\]/);
    expect(domainMessage(() => parseShape('2x3', 'input "x"', 'f'))).toMatch(/shape must be an array/);
    expect(domainMessage(() => parseShape([65536, 65536], 'input "x"', 'f'))).toMatch(
      /more than 2147483647 elements/,
    );
  });
});

describe('checkAgainstModel', () => {
  const info = { name: 'x', type: 'float32', shape: ['batch', 3] };
  it('lets dynamic dimensions vary and holds fixed ones and the rank', () => {
    expect(() => checkAgainstModel([5, 3], info, 'input "x"', 'f')).not.toThrow();
    expect(domainMessage(() => checkAgainstModel([5, 4], info, 'input "x"', 'f'))).toBe(
      'input "x": dimension 1 is 4, the model expects 3 (shape [-1, 3])',
    );
    expect(domainMessage(() => checkAgainstModel([15], info, 'input "x"', 'f'))).toBe(
      'input "x": shape [15] has rank 1, the model expects rank 2 [-1, 3]',
    );
  });

  it('reports dynamic dimensions as -1', () => {
    expect(protocolShape(['batch', 3, -1])).toEqual([-1, 3, -1]);
  });
});
