import { chooseTest } from './test-choice';

describe(chooseTest.name, () => {
  it("follows Evidently's defaults by type, reference size and distinct values", () => {
    expect(chooseTest('numeric', 500, 50)).toMatchObject({
      test: 'ks',
      threshold: 0.05,
      scoreKind: 'p-value',
    });
    expect(chooseTest('numeric', 500, 4)).toMatchObject({ test: 'chisquare', treatAs: 'categorical' });
    expect(chooseTest('numeric', 500, 2)).toMatchObject({ test: 'z' });
    expect(chooseTest('numeric', 2000, 50)).toMatchObject({
      test: 'wasserstein',
      threshold: 0.1,
      scoreKind: 'distance',
    });
    expect(chooseTest('numeric', 2000, 5)).toMatchObject({ test: 'jensenshannon', treatAs: 'categorical' });
    expect(chooseTest('categorical', 800, 3)).toMatchObject({ test: 'chisquare', source: 'default' });
    expect(chooseTest('categorical', 2000, 3)).toMatchObject({ test: 'jensenshannon' });
  });

  it("takes the manifest's test and threshold", () => {
    expect(chooseTest('numeric', 2000, 50, { test: 'ks' })).toMatchObject({
      test: 'ks',
      threshold: 0.05,
      source: 'manifest',
    });
    expect(chooseTest('numeric', 2000, 50, { test: 'psi', threshold: 0.25 })).toMatchObject({
      test: 'psi',
      threshold: 0.25,
      scoreKind: 'distance',
    });
    expect(chooseTest('numeric', 2000, 50, { test: 'chisquare' })).toMatchObject({ treatAs: 'categorical' });
    expect(chooseTest('categorical', 2000, 3, { threshold: 0.2 })).toMatchObject({
      test: 'jensenshannon',
      threshold: 0.2,
    });
  });

  it('refuses an unknown test, a numeric-only test on a category and a threshold that cannot work', () => {
    expect(() => chooseTest('numeric', 100, 50, { test: 'anderson' })).toThrow(/not one of/);
    expect(() => chooseTest('categorical', 100, 3, { test: 'wasserstein' })).toThrow(/numeric feature/);
    expect(() => chooseTest('numeric', 100, 50, { test: 'ks', threshold: 1.5 })).toThrow(/p-value test/);
    expect(() => chooseTest('numeric', 100, 50, { threshold: -1 })).toThrow(/threshold/);
  });
});
