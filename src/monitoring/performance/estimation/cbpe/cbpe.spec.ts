import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CBPE_FIXTURES, cbpeCases, close } from '../../../../../test/fixtures/cbpe/fixtures';
import { parseCsv } from '../../../drift/reference/reference-csv';
import { fitCbpe, LabelledReference } from './cbpe-model';
import { estimateMetrics, WindowExpectation } from './estimate';
import { addExpected, calibratedRow, ESTIMATED_METRICS } from './expected-confusion';
import { estimatedRocAuc, ScoreGroup } from './roc';

/*
 * The CBPE library against scripts/cbpe_fixtures.py (numpy, scikit-learn's IsotonicRegression and
 * metrics): calibration knots, reference thresholds, and every estimate with its sampling error and
 * band on each window, in memory. test/e2e/performance-estimation.e2e-spec.ts checks the same
 * figures through Postgres and the API.
 */

function reference(model: string, labels: string[]): LabelledReference {
  const table = parseCsv(readFileSync(join(CBPE_FIXTURES, 'models', model, '1', 'reference.csv'), 'utf8'));
  const col = (name: string) => table.columns[table.header.indexOf(name)];
  const index = (name: string) => col(name).map((l) => labels.indexOf(l));
  return {
    labels,
    actual: index('__target__'),
    predicted: index('__prediction__'),
    probabilities: Array.from({ length: table.rows }, (_, i) =>
      labels.map((l) => Number(col(`__proba_${l}__`)[i])),
    ),
  };
}

describe('CBPE against numpy / scikit-learn', () => {
  describe.each(cbpeCases().map((c) => [c.model, c] as const))('%s', (_name, c) => {
    const model = fitCbpe(reference(c.model, c.labels));

    it('calibrates as the isotonic regression scikit-learn fits, when the held-out ECE says so', () => {
      expect(model.calibrators.map((k) => k.kind === 'isotonic')).toEqual(c.reference.calibrated);
      model.calibrators.forEach((k, i) => {
        const expected = c.reference.knots[i];
        if (k.kind !== 'isotonic' || !expected) return;
        expect(k.knots.x).toEqual(expected.x);
        expect(k.knots.y.flatMap((y, j) => close(`y[${j}]`, y, expected.y[j]))).toEqual([]);
      });
    });

    it('draws the alert thresholds from the realized figures of the reference chunks', () => {
      const diffs = ESTIMATED_METRICS.flatMap((m) => [
        ...model.chunks.flatMap((chunk, i) =>
          close(`chunk ${i} ${m}`, chunk.metrics[m], c.reference.chunks[i][m]),
        ),
        ...close(`${m} lower`, model.thresholds[m].lower, c.reference.thresholds[m].lower),
        ...close(`${m} upper`, model.thresholds[m].upper, c.reference.thresholds[m].upper),
      ]);
      expect(diffs).toEqual([]);
    });

    it.each(c.windows.map((w) => [w.name, w] as const))('estimates the %s window as numpy does', (_w, w) => {
      const k = c.labels.length;
      const confusion = c.labels.map(() => c.labels.map(() => 0));
      const groups = new Map<number, ScoreGroup>();
      for (const row of w.rows) {
        const probs = c.labels.map((l) => row.probabilities[l]);
        const calibrated = calibratedRow(model.calibrators, probs);
        addExpected(confusion, c.labels.indexOf(row.prediction), calibrated);
        const g = groups.get(probs[1]) ?? { score: probs[1], rows: 0, calibrated: 0 };
        g.rows++;
        g.calibrated += calibrated[1];
        groups.set(probs[1], g);
      }
      let roc: WindowExpectation['roc'] = null;
      if (k === 2) {
        const auc = estimatedRocAuc([...groups.values()]);
        roc = { area: auc ?? 0, tp: 1, fp: 1 };
      }
      const estimates = estimateMetrics(model, { scored: w.rows.length, confusion, roc });
      const diffs = [
        ...confusion.flatMap((row, i) =>
          row.flatMap((v, j) => close(`C[${i}][${j}]`, v, w.expected.confusion_matrix[i][j])),
        ),
        ...ESTIMATED_METRICS.flatMap((m) => {
          const e = w.expected.estimated[m];
          const a = estimates[m];
          return [
            ...close(`${m}`, a.value, e.value),
            ...close(`${m} sampling error`, a.sampling_error, e.sampling_error),
            ...close(`${m} lower`, a.lower, e.lower),
            ...close(`${m} upper`, a.upper, e.upper),
          ];
        }),
      ];
      expect(diffs).toEqual([]);
    });

    it('sees the accuracy fall on the shifted window, below the reference band, as it really does', () => {
      const [steady, shifted] = c.windows;
      expect(shifted.expected.realized.accuracy!).toBeLessThan(steady.expected.realized.accuracy! - 0.1);
      expect(shifted.expected.estimated.accuracy.value!).toBeLessThan(c.reference.thresholds.accuracy.lower!);
      expect(steady.expected.estimated.accuracy.value!).toBeGreaterThan(
        c.reference.thresholds.accuracy.lower!,
      );
    });
  });
});
