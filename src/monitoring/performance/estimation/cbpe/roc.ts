/** The Mann-Whitney counts behind a ROC AUC: positives, negatives, concordant pairs doubled (ties once). */
export interface MannWhitney {
  twiceConcordant: number;
  positives: number;
  negatives: number;
}

/** ROC AUC of scores against 0/1 outcomes, ties counted half (scikit-learn's roc_auc_score). */
export function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number | null {
  const { twiceConcordant, positives, negatives } = mannWhitney(y, score);
  if (positives === 0 || negatives === 0) return null;
  return twiceConcordant / (2 * positives * negatives);
}

export function mannWhitney(y: ArrayLike<number>, score: ArrayLike<number>): MannWhitney {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
  let positives = 0;
  let negatives = 0;
  let twiceConcordant = 0;
  let negativesBelow = 0;
  for (let i = 0; i < n;) {
    let j = i;
    let pos = 0;
    let neg = 0;
    while (j < n && score[order[j]] === score[order[i]]) {
      if (y[order[j]] === 1) pos++;
      else neg++;
      j++;
    }
    twiceConcordant += pos * (2 * negativesBelow + neg);
    negativesBelow += neg;
    positives += pos;
    negatives += neg;
    i = j;
  }
  return { twiceConcordant, positives, negatives };
}

/** One group of equal model scores: its rows and the sum of their calibrated probabilities. */
export interface ScoreGroup {
  score: number;
  rows: number;
  calibrated: number;
}

/**
 * NannyML's estimated ROC AUC: rows sorted by the model's score, descending, each adds its
 * calibrated probability to the expected true positives and the rest to the false positives; the
 * area under that expected curve (trapezoids). Rows with equal scores share one calibrated value,
 * so their points are collinear and one segment per group gives the same area.
 */
export function estimatedRocAuc(groups: ScoreGroup[]): number | null {
  const sorted = [...groups].sort((a, b) => b.score - a.score);
  let tp = 0;
  let fp = 0;
  let area = 0;
  for (const g of sorted) {
    const nextTp = tp + g.calibrated;
    const nextFp = fp + (g.rows - g.calibrated);
    area += ((nextFp - fp) * (nextTp + tp)) / 2;
    tp = nextTp;
    fp = nextFp;
  }
  if (!(tp > 0) || !(fp > 0)) return null;
  return area / (tp * fp);
}
