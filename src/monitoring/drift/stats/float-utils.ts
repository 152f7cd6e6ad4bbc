/**
 * Floating-point helpers used to reproduce numpy/scipy arithmetic bit-for-bit where it matters
 * (rounding of lattice heights, exact remainders, power-of-two scaling).
 */

/** `np.clip(x, lo, hi)` (NaN stays NaN). */
export function clip(x: number, lo: number, hi: number): number {
  if (x < lo) return lo;
  if (x > hi) return hi;
  return x;
}

/** `np.round(x)`: round half to even (banker's rounding), unlike `Math.round`. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** `x * 2**e` without intermediate overflow/underflow for large |e| (C `ldexp`). */
export function ldexp(x: number, e: number): number {
  let v = x;
  let k = e;
  while (k > 1000) {
    v *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    v *= 2 ** -1000;
    k += 1000;
  }
  return v * 2 ** k;
}

const SPLITTER = 134217729; // 2**27 + 1 (Veltkamp split)

/** Dekker's error-free product: returns [hi, lo] with hi + lo === a * b exactly (no overflow assumed). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLITTER * a;
  const ahi = ca - (ca - a);
  const alo = a - ahi;
  const cb = SPLITTER * b;
  const bhi = cb - (cb - b);
  const blo = b - bhi;
  const err = alo * blo - (p - ahi * bhi - alo * bhi - ahi * blo);
  return [p, err];
}

/**
 * floor(n * x) and the fractional part of n * x, computed from the exact product
 * (scipy's `modNX` in cephes/kolmogorov.c does the same with double-double arithmetic).
 */
export function floorAndFraction(n: number, x: number): { floor: number; fraction: number } {
  const [hi, lo] = twoProduct(n, x);
  let fl = Math.floor(hi);
  let frac = hi - fl + lo;
  if (frac < 0) {
    fl -= 1;
    frac += 1;
  }
  if (frac >= 1) {
    fl += 1;
    frac -= 1;
  }
  return { floor: fl, fraction: frac };
}

/** Neumaier-compensated sum of a sequence of terms (used where scipy relies on numpy's pairwise sum). */
export class CompensatedSum {
  private sum = 0;
  private comp = 0;

  add(v: number): void {
    const t = this.sum + v;
    if (!Number.isFinite(t)) {
      this.sum = t;
      return;
    }
    if (Math.abs(this.sum) >= Math.abs(v)) this.comp += this.sum - t + v;
    else this.comp += v - t + this.sum;
    this.sum = t;
  }

  value(): number {
    if (!Number.isFinite(this.sum)) return this.sum;
    return this.sum + this.comp;
  }
}
