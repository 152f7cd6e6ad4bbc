import { NumericProfile } from './profile.types';

/** Number of edges strictly below x (`side: 'left'`) or at or below it (`'right'`). */
function search(edges: ArrayLike<number>, x: number, side: 'left' | 'right'): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (side === 'left' ? edges[mid] < x : edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Reference counts per right-closed bin (−∞, e_1], (e_1, e_2], …, (e_q, +∞). */
export function referenceBinCounts(profile: NumericProfile, edges: ArrayLike<number>): Float64Array {
  const out = new Float64Array(edges.length + 1);
  profile.values.forEach((u, i) => (out[search(edges, u, 'left')] += profile.counts[i]));
  return out;
}

/** Reference counts per half-open bin (−∞, c_1), [c_1, c_2), …, [c_q, +∞). */
export function referenceRangeCounts(profile: NumericProfile, edges: ArrayLike<number>): Float64Array {
  const out = new Float64Array(edges.length + 1);
  profile.values.forEach((u, i) => (out[search(edges, u, 'right')] += profile.counts[i]));
  return out;
}

/** One bar per value up to this many distinct reference values, else about this many equal-width bars. */
export const CHART_BARS = 24;

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above x: bars of round widths read better. */
function niceStep(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((m) => m * power >= x) ?? 10) * power;
}

/**
 * Chart bin edges, all reference values (so the current window's buckets split on them exactly):
 * every value after the first for a few-valued feature, else the first reference value at or above
 * each multiple of a round step (at most CHART_BARS bars between the reference minimum and maximum).
 */
export function chartEdges(profile: NumericProfile): number[] {
  const u = profile.values;
  if (u.length <= CHART_BARS) return u.slice(1);
  const min = u[0];
  const max = u[u.length - 1];
  const step = niceStep((max - min) / CHART_BARS);
  const start = Math.floor(min / step) * step;
  const edges: number[] = [];
  for (let i = 1; start + i * step <= max; i++) {
    const at = search(u, start + i * step, 'left');
    const value = u[Math.min(at, u.length - 1)];
    if (value > min && (edges.length === 0 || value > edges[edges.length - 1])) edges.push(value);
  }
  return edges;
}
