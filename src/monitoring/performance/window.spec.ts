import { parseWindow, windowBounds } from './window';

describe(parseWindow.name, () => {
  it('reads durations in seconds, minutes, hours, days and weeks', () => {
    expect(parseWindow('30s')).toBe(30);
    expect(parseWindow('90m')).toBe(5400);
    expect(parseWindow('1h')).toBe(3600);
    expect(parseWindow('24h')).toBe(86_400);
    expect(parseWindow('7d')).toBe(604_800);
    expect(parseWindow('2w')).toBe(1_209_600);
  });

  it('rejects zero, negatives, fractions, unknown units and windows over 400 days', () => {
    for (const bad of ['0h', '-1h', '1.5h', '1y', 'h', '24', '', '401d', '1e3s']) {
      expect(parseWindow(bad)).toBeUndefined();
    }
    expect(parseWindow('400d')).toBe(400 * 86_400);
  });
});

describe(windowBounds.name, () => {
  it('ends at the given instant', () => {
    const end = new Date('2026-11-20T12:00:00Z');
    expect(windowBounds(end, 3600)).toEqual({ start: new Date('2026-11-20T11:00:00Z'), end });
  });
});
