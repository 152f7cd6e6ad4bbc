import { fitIsotonic, isotonicAt, IsotonicKnots } from './isotonic';
import { rocAuc } from './roc';

/** A class's calibrator: isotonic knots, or none when calibrating would not help (NannyML's test). */
export type Calibrator = { kind: 'isotonic'; knots: IsotonicKnots } | { kind: 'identity'; reason: string };

export const CALIBRATION_FOLDS = 10;
const ECE_BINS = 10;

export function calibrate(c: Calibrator, p: number): number {
  return c.kind === 'isotonic' ? isotonicAt(c.knots, p) : p;
}

/** NannyML's equal-count bins over n sorted values: [start, end) index pairs, or none below 4 values. */
export function binIndexEdges(n: number, bins = ECE_BINS): [number, number][] {
  let count = bins;
  if (n <= 2 * count) {
    count = Math.floor(n / 2);
    if (count < 2) return [];
  }
  const width = Math.floor(n / count);
  const edges: number[] = [];
  for (let e = 0; e <= n; e += width) edges.push(e);
  edges[edges.length - 1] = n;
  return edges.slice(0, -1).map((e, i) => [e, edges[i + 1]]);
}

/** Expected calibration error over equal-count bins of the values sorted by probability (stable). */
export function expectedCalibrationError(y: number[], p: number[], edges: [number, number][]): number {
  const order = Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  let ece = 0;
  for (const [lo, hi] of edges) {
    let sumP = 0;
    let sumY = 0;
    for (let i = lo; i < hi; i++) {
      sumP += p[order[i]];
      sumY += y[order[i]];
    }
    const len = hi - lo;
    ece += (len / p.length) * Math.abs(sumP / len - sumY / len);
  }
  return ece;
}

/**
 * Whether isotonic calibration lowers the expected calibration error out of sample, as NannyML's
 * `needs_calibration` asks, with deterministic stratified folds instead of its seeded shuffles
 * (row r of class c is in fold rank-within-class mod 10): every reference row is held out once,
 * calibrated by an isotonic fit on the other nine folds, and the ECE of the held-out rows is
 * compared before and after. A single class, or scores that already rank almost perfectly
 * (ROC AUC > 0.999), need no calibration.
 */
export function needsCalibration(y: number[], p: number[]): { needed: boolean; reason: string } {
  const positives = y.filter((v) => v === 1).length;
  if (positives === 0 || positives === y.length) return { needed: false, reason: 'one class only' };
  if ((rocAuc(y, p) ?? 0) > 0.999) return { needed: false, reason: 'ROC AUC above 0.999' };
  const fold = new Int32Array(y.length);
  const seen = [0, 0];
  y.forEach((v, i) => (fold[i] = seen[v]++ % CALIBRATION_FOLDS));
  const heldY: number[] = [];
  const heldP: number[] = [];
  const heldCalibrated: number[] = [];
  for (let f = 0; f < CALIBRATION_FOLDS; f++) {
    const train = y.map((_, i) => i).filter((i) => fold[i] !== f);
    const test = y.map((_, i) => i).filter((i) => fold[i] === f);
    if (test.length === 0 || train.length === 0) continue;
    const knots = fitIsotonic(
      train.map((i) => p[i]),
      train.map((i) => y[i]),
    );
    for (const i of test) {
      heldY.push(y[i]);
      heldP.push(p[i]);
      heldCalibrated.push(isotonicAt(knots, p[i]));
    }
  }
  const edges = binIndexEdges(heldY.length);
  if (edges.length === 0) return { needed: false, reason: 'too few reference rows to compare' };
  const before = expectedCalibrationError(heldY, heldP, edges);
  const after = expectedCalibrationError(heldY, heldCalibrated, edges);
  return before > after
    ? { needed: true, reason: `held-out ECE ${before.toPrecision(3)} → ${after.toPrecision(3)}` }
    : { needed: false, reason: `calibration would not lower the held-out ECE (${before.toPrecision(3)})` };
}

/** The class's calibrator, fitted on the whole reference when calibration helps. */
export function fitCalibrator(y: number[], p: number[]): Calibrator {
  const verdict = needsCalibration(y, p);
  return verdict.needed
    ? { kind: 'isotonic', knots: fitIsotonic(p, y) }
    : { kind: 'identity', reason: verdict.reason };
}
