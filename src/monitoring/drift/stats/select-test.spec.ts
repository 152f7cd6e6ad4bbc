import { isDrift, selectDefaultTest } from './select-test';

describe('selectDefaultTest (Evidently default stattest rules)', () => {
  it.each([
    ['numeric', 1000, 6, 'ks', 0.05, 'p-value'],
    ['numeric', 10, 50, 'ks', 0.05, 'p-value'],
    ['numeric', 1000, 5, 'chisquare', 0.05, 'p-value'],
    ['numeric', 500, 3, 'chisquare', 0.05, 'p-value'],
    ['numeric', 500, 2, 'z', 0.05, 'p-value'],
    ['categorical', 1000, 3, 'chisquare', 0.05, 'p-value'],
    ['categorical', 1000, 2, 'z', 0.05, 'p-value'],
    ['categorical', 0, 1, 'z', 0.05, 'p-value'],
    ['numeric', 1001, 6, 'wasserstein', 0.1, 'distance'],
    ['numeric', 1001, 5, 'jensenshannon', 0.1, 'distance'],
    ['categorical', 1001, 2, 'jensenshannon', 0.1, 'distance'],
    ['categorical', 50000, 400, 'jensenshannon', 0.1, 'distance'],
  ] as const)('%s, reference %d, %d distinct -> %s', (kind, size, distinct, test, threshold, scoreKind) => {
    const choice = selectDefaultTest(kind, size, distinct);
    expect(choice).toMatchObject({ test, threshold, scoreKind });
    expect(choice.base).toBe(test === 'jensenshannon' ? 2 : undefined);
    expect(choice.treatAs).toBe(test === 'ks' || test === 'wasserstein' ? 'numeric' : 'categorical');
  });

  it('applies the threshold direction: p-value below = drift, distance at or above = drift', () => {
    const ks = selectDefaultTest('numeric', 100, 100);
    expect(isDrift(ks, 0.049)).toBe(true);
    expect(isDrift(ks, 0.05)).toBe(false);
    const wd = selectDefaultTest('numeric', 5000, 100);
    expect(isDrift(wd, 0.1)).toBe(true);
    expect(isDrift(wd, 0.0999)).toBe(false);
  });

  it('rejects negative sizes', () => {
    expect(() => selectDefaultTest('numeric', -1, 3)).toThrow(RangeError);
    expect(() => selectDefaultTest('numeric', 3, Number.NaN)).toThrow(RangeError);
  });
});
