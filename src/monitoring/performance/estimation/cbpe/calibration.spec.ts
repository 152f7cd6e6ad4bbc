import { binIndexEdges, fitCalibrator, needsCalibration } from './calibration';
import { rng } from '../../../../../test/utils/rng';
import { fitIsotonic, isotonicAt } from './isotonic';

describe(fitIsotonic.name, () => {
  it('pools decreasing runs into their mean and interpolates between the steps', () => {
    // scores 0.1..0.5 with outcomes 0 1 0 1 1: the (1, 0) run pools to 0.5
    const k = fitIsotonic([0.3, 0.1, 0.5, 0.2, 0.4], [0, 0, 1, 1, 1]);
    expect(k).toEqual({ x: [0.1, 0.2, 0.3, 0.4, 0.5], y: [0, 0.5, 0.5, 1, 1] });
    expect(isotonicAt(k, 0.05)).toBe(0);
    expect(isotonicAt(k, 0.15)).toBeCloseTo(0.25, 15);
    expect(isotonicAt(k, 0.35)).toBeCloseTo(0.75, 15);
    expect(isotonicAt(k, 0.9)).toBe(1);
  });

  it('averages the outcomes of equal scores and keeps only the ends of a flat stretch', () => {
    const k = fitIsotonic([0.2, 0.2, 0.6, 0.7, 0.8], [0, 1, 1, 1, 1]);
    expect(k).toEqual({ x: [0.2, 0.6, 0.8], y: [0.5, 1, 1] });
  });
});

describe(needsCalibration.name, () => {
  it('leaves one class, or scores that already rank perfectly, uncalibrated', () => {
    expect(needsCalibration([1, 1, 1], [0.2, 0.5, 0.9]).needed).toBe(false);
    const y = Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 1));
    const separated = y.map((v, i) => (v ? 0.6 + i / 1000 : 0.1 + i / 1000));
    expect(needsCalibration(y, separated)).toEqual({ needed: false, reason: 'ROC AUC above 0.999' });
    expect(fitCalibrator(y, separated).kind).toBe('identity');
  });

  it('calibrates scores that are systematically too confident', () => {
    // the truth is half as far from 0.5 as the score says
    const r = rng(11);
    const p = Array.from({ length: 2000 }, () => r());
    const y = p.map((s) => (r() < 0.5 + (s - 0.5) / 2 ? 1 : 0));
    expect(needsCalibration(y, p).needed).toBe(true);
    const c = fitCalibrator(y, p);
    expect(c.kind).toBe('isotonic');
    if (c.kind === 'isotonic') expect(isotonicAt(c.knots, 0.95)).toBeLessThan(0.85);
  });
});

describe(binIndexEdges.name, () => {
  it('splits into ten equal bins, the remainder in the last, and fewer bins for small samples', () => {
    expect(binIndexEdges(2005)[9]).toEqual([1800, 2005]);
    expect(binIndexEdges(20)).toHaveLength(10);
    expect(binIndexEdges(12)).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
      [10, 12],
    ]);
    expect(binIndexEdges(3)).toEqual([]);
  });
});
