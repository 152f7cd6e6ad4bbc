/**
 * Isotonic regression as scikit-learn's IsotonicRegression(increasing=True, out_of_bounds='clip')
 * fits and predicts it, which is NannyML's calibrator: the fitted function is piecewise linear
 * through `knots` and constant beyond their ends.
 */
export interface IsotonicKnots {
  /** Ascending distinct scores. */
  x: number[];
  /** Non-decreasing calibrated values at those scores. */
  y: number[];
}

// scikit-learn's _make_unique treats scores closer than float64 resolution as one value
const RESOLUTION = 1e-15;

/** Pool-adjacent-violators on weighted values, in place (blocks merge while they decrease). */
function pava(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  // target[i] = last index of the block starting at i, and target[last] = i
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const prev = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || prev < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        // step back one block: the merged block may now violate the order with its predecessor
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  for (let s = 0; s < n;) {
    const end = target[s] + 1;
    for (let j = s + 1; j < end; j++) y[j] = y[s];
    s = end;
  }
}

/** Fits scores `x` to outcomes `y` (0/1 for calibration); at least one point. */
export function fitIsotonic(x: ArrayLike<number>, y: ArrayLike<number>): IsotonicKnots {
  const n = x.length;
  if (n === 0 || y.length !== n)
    throw new RangeError('isotonic regression needs matching, non-empty x and y');
  // scikit-learn orders by (x, y) before pooling equal scores
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || y[a] - y[b]);
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  let current = x[order[0]];
  let sumY = 0;
  let weight = 0;
  for (const j of order) {
    if (x[j] - current >= RESOLUTION) {
      ux.push(current);
      uy.push(sumY / weight);
      uw.push(weight);
      current = x[j];
      sumY = 0;
      weight = 0;
    }
    sumY += y[j];
    weight += 1;
  }
  ux.push(current);
  uy.push(sumY / weight);
  uw.push(weight);
  const fitted = Float64Array.from(uy);
  pava(fitted, Float64Array.from(uw));
  // interior points on a flat stretch change nothing: keep the ends of each step
  const knots: IsotonicKnots = { x: [], y: [] };
  for (let i = 0; i < fitted.length; i++) {
    const interior = i > 0 && i < fitted.length - 1;
    if (interior && fitted[i] === fitted[i - 1] && fitted[i] === fitted[i + 1]) continue;
    knots.x.push(ux[i]);
    knots.y.push(fitted[i]);
  }
  return knots;
}

/** The fitted value at score p: linear between knots, clipped to the ends (scipy's interp1d). */
export function isotonicAt(k: IsotonicKnots, p: number): number {
  const n = k.x.length;
  if (n === 1 || p <= k.x[0]) return k.y[0];
  if (p >= k.x[n - 1]) return k.y[n - 1];
  // scipy: hi = first knot >= p (searchsorted left), lo = hi - 1
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (k.x[mid] < p) lo = mid;
    else hi = mid;
  }
  const slope = (k.y[hi] - k.y[lo]) / (k.x[hi] - k.x[lo]);
  return slope * (p - k.x[lo]) + k.y[lo];
}
