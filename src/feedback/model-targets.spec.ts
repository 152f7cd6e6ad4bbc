import { parseActual, TargetSpec } from './model-targets';

const classifier: TargetSpec = { task: 'classification', labels: ['repaid', 'default'], sanitizeFields: {} };
const numeric: TargetSpec = { task: 'classification', labels: ['0', '1'], sanitizeFields: {} };
const regressor: TargetSpec = { task: 'regression', labels: [], sanitizeFields: {} };

describe(parseActual.name, () => {
  it("accepts one of the model's labels, and a number whose text is a label", () => {
    expect(parseActual(classifier, 'default')).toEqual({ actualLabel: 'default', actualValue: null });
    expect(parseActual(numeric, 1)).toEqual({ actualLabel: '1', actualValue: null });
  });

  it('names the labels when the actual is not one of them', () => {
    for (const bad of ['Default', 'maybe', true, 0, ['repaid'], { label: 'repaid' }]) {
      expect(parseActual(classifier, bad)).toBe(`must be one of the model's labels: "repaid", "default"`);
    }
  });

  it('lists at most 20 labels', () => {
    const many: TargetSpec = { ...classifier, labels: Array.from({ length: 30 }, (_, i) => `c${i}`) };
    expect(parseActual(many, 'x')).toMatch(/"c19", … \(30 labels\)$/);
  });

  it('accepts finite numbers for a regression model and nothing else', () => {
    expect(parseActual(regressor, -12.5)).toEqual({ actualLabel: null, actualValue: -12.5 });
    expect(parseActual(regressor, 0)).toEqual({ actualLabel: null, actualValue: 0 });
    for (const bad of [Infinity, NaN, '12', true, [1]]) {
      expect(parseActual(regressor, bad)).toBe('must be a finite number (this is a regression model)');
    }
  });

  it('requires a value', () => {
    expect(parseActual(classifier, undefined)).toBe('is required');
    expect(parseActual(regressor, null)).toBe('is required');
  });
});
