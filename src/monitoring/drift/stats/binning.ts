/**
 * Binning shared by PSI and Jensen-Shannon: reference-quantile bins for numeric features and
 * Evidently's zero-proportion fill.
 *
 * Numeric bins: interior edges are the reference quantiles at i/bins (i = 1..bins-1), computed like
 * `numpy.quantile(ref, q)` with its default 'linear' method, then de-duplicated (ties or a constant
 * column collapse bins); the outer edges are -Infinity and +Infinity. Bins are right-closed:
 * bin 0 = (-inf, e_1], bin j = (e_j, e_{j+1}], last bin = (e_last, +inf), i.e. a value's bin is the
 * number of interior edges strictly below it (`numpy.searchsorted(edges, x, side='left')`).
 * With the default 10 bins the reference falls into its deciles.
 */
import { countsTotal, Sample, sortedCopy } from './types';

/** Default number of quantile bins (deciles). */
export const DEFAULT_BINS = 10;

export interface NumericBinningOptions {
  /** Number of reference-quantile bins before de-duplication of edges (default 10 = deciles). */
  readonly bins?: number;
}

/** numpy.quantile(sorted, q) with method='linear' on an ascending, non-empty array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const virtual = (n - 1) * q;
  let prev = Math.floor(virtual);
  let next = prev + 1;
  if (virtual >= n - 1) prev = next = n - 1;
  else if (virtual < 0) prev = next = 0;
  const gamma = virtual - prev;
  const a = sorted[prev];
  const b = sorted[next];
  const diff = b - a;
  // numpy's _lerp: a + diff*t, or b - diff*(1-t) when t >= 0.5 (keeps monotonicity and exact ends)
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** Interior bin edges: de-duplicated reference quantiles at i/bins, ascending. */
export function quantileBinEdges(reference: Sample, bins: number = DEFAULT_BINS): Float64Array {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  if (reference.length === 0) throw new RangeError('cannot derive bin edges from an empty reference');
  const sorted = sortedCopy(reference, 'reference');
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) edges.push(quantileSorted(sorted, i / bins));
  edges.sort((x, y) => x - y);
  return Float64Array.from(edges.filter((e, i) => i === 0 || e !== edges[i - 1]));
}

/** Counts per bin (length edges.length + 1) for right-closed bins over the given interior edges. */
export function binCounts(values: Sample, edges: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(edges.length + 1);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x)) throw new RangeError(`values[${i}] is not a finite number (${x})`);
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** Proportions counts / total (total must be positive). */
export function proportions(counts: ArrayLike<number>, label: string): Float64Array {
  const total = countsTotal(counts, label);
  return Float64Array.from(counts, (c) => c / total);
}

/**
 * Replaces zero proportions so that logarithms stay finite (PSI only).
 * Default = Evidently's `get_binned_data(feel_zeroes=True)`: zeros become 1e-4, unless the smallest
 * non-zero proportion on that side is itself <= 1e-4, in which case zeros become (that minimum) / 1e6.
 * A number passed as `epsilon` replaces zeros by that constant instead.
 */
export function fillZeroProportions(props: Float64Array, epsilon?: number): Float64Array {
  let fill = epsilon;
  if (fill === undefined) {
    let min = Infinity;
    for (const p of props) if (p !== 0 && p < min) min = p;
    fill = min <= 1e-4 ? min / 1e6 : 1e-4;
  }
  const f = fill;
  return props.map((p) => (p === 0 ? f : p));
}
