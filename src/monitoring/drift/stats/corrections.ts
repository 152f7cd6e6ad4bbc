/**
 * Multiple-testing corrections for the p-values of the per-feature tests of one model.
 * Every function returns adjusted p-values in the input order; compare them with the unadjusted
 * threshold (adjusted p < alpha = drift). Only p-values of computable tests should be passed.
 */

function validate(pValues: ArrayLike<number>): Float64Array {
  const ps = Float64Array.from(pValues);
  ps.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`pValues[${i}] must be a probability in [0, 1], got ${p}`);
  });
  return ps;
}

/** Bonferroni: min(1, p * m) for m p-values (controls the family-wise error rate). */
export function bonferroni(pValues: ArrayLike<number>): Float64Array {
  const ps = validate(pValues);
  const m = ps.length;
  return ps.map((p) => Math.min(1, p * m));
}

/**
 * Benjamini-Hochberg ('bh', false discovery rate under independence or positive dependence) or
 * Benjamini-Yekutieli ('by', any dependence) adjusted p-values, equal to
 * `scipy.stats.false_discovery_control(ps, method=...)` (scipy >= 1.11):
 * sort ascending, p_(i) * m / i (times sum_{k<=m} 1/k for 'by'), running minimum from the largest
 * p-value down, clipped to [0, 1], returned in input order.
 */
export function falseDiscoveryControl(pValues: ArrayLike<number>, method: 'bh' | 'by' = 'bh'): Float64Array {
  const ps = validate(pValues);
  const m = ps.length;
  if (m === 0) return ps;
  const order = Array.from(ps.keys()).sort((a, b) => ps[a] - ps[b] || a - b);
  let c = 1;
  if (method === 'by') {
    c = 0;
    for (let k = 1; k <= m; k++) c += 1 / k;
  }
  const adjusted = new Float64Array(m);
  let running = Infinity;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r];
    running = Math.min(running, ps[i] * (m / (r + 1)) * c);
    adjusted[i] = Math.min(Math.max(running, 0), 1);
  }
  return adjusted;
}

/** Benjamini-Hochberg adjusted p-values (`falseDiscoveryControl(ps, 'bh')`). */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  return falseDiscoveryControl(pValues, 'bh');
}
