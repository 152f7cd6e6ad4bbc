/**
 * One-sided Smirnov survival function and Kolmogorov's limiting distribution, following scipy's
 * cephes `kolmogorov.c` (scipy.special.smirnov / scipy.special.kolmogorov = kstwobign.sf).
 */
import { clip, floorAndFraction } from './float-utils';
import { binomialPmfSaddle } from './special-functions';

// Module-level aliases: global lookups are slow inside sandboxed contexts (jest's vm).
const M = Math;

const MINLOG = -708.3964185322641;
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const EPS = 2.220446049250313e-16;

/**
 * Pr(D+_n >= x), the one-sided Kolmogorov-Smirnov survival function (`scipy.special.smirnov(n, x)`).
 *
 * Uses the Birnbaum-Tingey (Smirnov 1944) sum
 *   sf = x * sum_{v=0}^{floor(n(1-x))} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v).
 * Each term is the binomial probability b(v; n, p_v) / p_v with p_v = x + v/n; scipy evaluates it in
 * double-double arithmetic, here it is evaluated with Loader's saddle-point binomial formula where
 * n*p_v = floor(nx) + v + frac(nx) is formed exactly, which gives the same ~1e-15 relative accuracy.
 */
export function smirnov(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return Number.NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;
  const { floor: nxfl, fraction: alpha } = floorAndFraction(n, x);
  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    // x <= 1/n: cdf = x (1 + x)^(n-1)
    return clip(1 - x * M.exp((n - 1) * M.log1p(x)), 0, 1);
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) return clip(M.pow(1 - x, n), 0, 1);
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    // scipy's approximation for huge n: p ~ exp(-(6nx+1)^2 / 18n)
    const logp = -M.pow(6 * n * x + 1, 2) / 18 / n;
    return logp < -M.LN2 ? M.exp(logp) : 1 + M.expm1(logp);
  }
  const lastV = n - nxfl - 1; // the v = n - nxfl term vanishes when n*x is an integer
  // v = 0 term: (1 - x)^n / x
  let sum = M.exp(n * M.log1p(-x)) / x;
  for (let v = 1; v <= lastV; v++) {
    const np = nxfl + v + alpha; // n * (x + v/n)
    const nq = n - nxfl - v - alpha; // n * (1 - x - v/n)
    const term = (binomialPmfSaddle(v, n, np, nq) * n) / np;
    sum += term;
    // scipy's early exits: the remaining terms cannot change the sum
    if (term > 0 && 4 * (lastV + 1 - v) * term < EPS * sum && v !== lastV) break;
    if (term === 0 && v > n / 2) break;
  }
  return clip(x * sum, 0, 1);
}

const KOLMOG_CUTOVER = 0.82;
const MIN_EXPABLE = -708 - 38;

/**
 * Kolmogorov's limiting distribution survival function Pr(sqrt(n) D_n >= x) as n -> infinity
 * (`scipy.special.kolmogorov(x)` = `scipy.stats.kstwobign.sf(x)`).
 */
export function kolmogorov(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x <= 0 || x <= M.PI / M.sqrt(-MIN_EXPABLE * 8)) return 1;
  if (x <= KOLMOG_CUTOVER) {
    // cdf = sqrt(2 pi)/x * sum_k exp(-(2k-1)^2 pi^2 / (8 x^2))
    const w = M.sqrt(2 * M.PI) / x;
    const logu8 = (-M.PI * M.PI) / (x * x);
    const u = M.exp(logu8 / 8);
    let cdf: number;
    if (u === 0) {
      cdf = M.exp(logu8 / 8 + M.log(w));
    } else {
      const u8 = M.exp(logu8);
      const u8cub = M.pow(u8, 3);
      let p = 1 + u8cub;
      p = 1 + u8 * u8 * p;
      p = 1 + u8 * p;
      cdf = w * u * p;
    }
    return clip(1 - cdf, 0, 1);
  }
  // sf = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2)
  const v = M.exp(-2 * x * x);
  const v3 = M.pow(v, 3);
  let p = 1 - v3 * v3 * v;
  p = 1 - v3 * (v * v) * p;
  p = 1 - v3 * p;
  return clip(2 * v * p, 0, 1);
}
