/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic D_n
 * (`scipy.stats.kstwo.sf(d, n)`), with scipy's algorithm selection (Simard & L'Ecuyer 2011) as in
 * scipy/stats/_ksstats.py `_kolmogn(n, x, cdf=False)`.
 */
import { clip } from './float-utils';
import { kolmognDmtwCdf } from './kolmogorov-dmtw';
import { kolmognPomeranzCdf } from './kolmogorov-pomeranz';
import { smirnov } from './smirnov';

// Module-level alias: global lookups are slow inside sandboxed contexts (jest's vm).
const M = Math;

const PI2 = M.PI ** 2;
const PI4 = M.PI ** 4;
const PI6 = M.PI ** 6;
const SQRT2PI = M.sqrt(2 * M.PI);
const LOG_2PI = M.log(2 * M.PI);
const MIN_LOG = -708;
const STIRLING_COEFFS = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417,
  -0.0005952380952380953, 0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

/** log(n! / n**n) by Stirling's series (scipy `_log_nfactorial_div_n_pow_n`). */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * y + c;
  return M.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/** Pelz-Good asymptotic approximation of Pr(D_n <= x). */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const z = M.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < MIN_LOG) return 0;
  let q = M.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = M.ceil((16 * z) / M.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const m4 = m2 * m2;
    const m6 = m4 * m2;
    const qpower = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) K[i] = K[i] * qpower + coeffs[i];
  }
  const denominators = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i] * q * SQRT2PI) / denominators[i];
  q = M.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const sqrt3z = M.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const k2 = k * k;
    const qp = q ** k2;
    const kspi = M.PI * k;
    k2extra += k2 * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * k2 * qp;
  }
  K[2] += (k2extra * PI2 * SQRT2PI) / (-36 * z3);
  K[3] += (k3extra * PI2 * SQRT2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i] / n ** (i / 2);
  return sum;
}

/**
 * Pr(D_n >= d) for the two-sided one-sample KS statistic with sample size n (`scipy.stats.kstwo.sf`).
 * Returns NaN for n < 1 or non-integer n, as scipy does.
 */
export function kstwoSf(d: number, n: number): number {
  if (Number.isNaN(d) || !(n >= 1) || !Number.isInteger(n)) return Number.NaN;
  // rv_continuous.sf: support is [0.5/n, 1]
  if (d <= 0.5 / n) return 1;
  if (d >= 1) return 0;
  const x = d;
  const t = n * x;
  if (t <= 1) {
    // Ruben-Gambino: 1/2n <= x <= 1/n, cdf = n!/n^n (2t-1)^n
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = M.exp(logNFactorialDivNPowN(n) + n * M.log(2 * t - 1));
    }
    return clip(1 - prob, 0, 1);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n, 0, 1);
  if (x >= 0.5) return clip(2 * smirnov(n, x), 0, 1);
  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip(1 - kolmognDmtwCdf(n, x), 0, 1);
    if (nxsquared <= 4) return clip(1 - kolmognPomeranzCdf(n, x), 0, 1);
    return clip(2 * smirnov(n, x), 0, 1);
  }
  if (nxsquared >= 370) return 0;
  if (nxsquared >= 2.2) return clip(2 * smirnov(n, x), 0, 1);
  let cdf: number;
  if (nxsquared >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = kolmognDmtwCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return clip(1 - cdf, 0, 1);
}
