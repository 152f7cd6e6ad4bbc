/**
 * Pr(D_n <= d) for the two-sided one-sample Kolmogorov-Smirnov statistic by Durbin's matrix algorithm
 * as organised by Marsaglia, Tsang and Wang (2003); port of scipy/stats/_ksstats.py `_kolmogn_DMTW`.
 */
import { ldexp } from './float-utils';

// Module-level alias: global lookups are slow inside sandboxed contexts (jest's vm).
const M = Math;

// Intermediate results are rescaled by 2**128 to stay within double range (as scipy does).
const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;

type Matrix = Float64Array[];

function matmul(a: Matrix, b: Matrix): Matrix {
  const m = a.length;
  const out = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    const row = out[i];
    const ai = a[i];
    for (let k = 0; k < m; k++) {
      const aik = ai[k];
      if (aik === 0) continue;
      const bk = b[k];
      for (let j = 0; j < m; j++) row[j] += aik * bk[j];
    }
  }
  return out;
}

/** Pr(D_n <= d) by Durbin's matrix algorithm as organised by Marsaglia, Tsang and Wang (2003). */
export function kolmognDmtwCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = M.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = M.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let H: Matrix = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r][i] = w[r - i + 1];
  for (let r = 0; r < m; r++) H[r][0] = v[r];
  for (let c = 0; c < m; c++) H[m - 1][c] = v[m - 1 - c];

  let Hpwr: Matrix = Array.from({ length: m }, (_, i) => {
    const row = new Float64Array(m);
    row[i] = 1;
    return row;
  });
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H);
      expnt += Hexpnt;
    }
    H = matmul(H, H);
    Hexpnt *= 2;
    if (M.abs(H[k - 1][k - 1]) > EP128) {
      for (const row of H) for (let j = 0; j < m; j++) row[j] /= EP128;
      Hexpnt += E128;
    }
    nn = M.floor(nn / 2);
  }
  let p = Hpwr[k - 1][k - 1];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (M.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return M.min(M.max(p, 0), 1);
}
