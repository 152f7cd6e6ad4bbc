import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../src/common/clock';
import { EstimationJob } from '../../src/monitoring/performance/estimation/estimation.job';
import { EstimatedPerformance } from '../../src/monitoring/performance/estimation/estimation.types';
import { batchOf } from '../../src/prediction-log/store/log-batch';
import { PredictionLogRepository } from '../../src/prediction-log/store/prediction-log.repository';
import { CBPE_FIXTURES, cbpeCases, CbpeFixtureCase, close, Metric } from '../fixtures/cbpe/fixtures';
import { logRecord } from '../utils/log-records';
import { startTestApp, TestApp } from '../utils/test-app';
import { metricValue } from './drift-support';

/*
 * Estimated performance (CBPE) through the real server and Postgres, against
 * scripts/cbpe_fixtures.py (numpy and scikit-learn). Each fixture model logs a steady hour and then
 * a shifted hour whose inputs crowd the decision boundary; 60% of the predictions get their label
 * through the feedback API. GET .../performance?estimated=true at the end of each hour must give
 * the script's estimates, bands and expected confusion matrix to 1e-6, and the shifted hour must
 * show the accuracy falling in the estimate and in the realized figures alike.
 */

const NOW = new Date('2026-12-01T12:00:00.000Z');
const HOUR = 3600_000;
const METRICS: Metric[] = ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'roc_auc'];

describe('estimated performance against numpy / scikit-learn (e2e)', () => {
  let t: TestApp;
  let now: Date;
  const cases = cbpeCases();

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect([url, res.statusCode]).toEqual([url, 200]);
    return res.json();
  };

  async function load(c: CbpeFixtureCase): Promise<void> {
    for (const [w, window] of c.windows.entries()) {
      // the steady hour ends an hour before NOW, the shifted one at NOW
      const end = NOW.getTime() - (c.windows.length - 1 - w) * HOUR;
      const ids = window.rows.map(() => uuidv7());
      const records = window.rows.map((row, i) =>
        logRecord({
          id: ids[i],
          createdAt: new Date(end - HOUR + 1000 + i * 1000),
          modelName: c.model,
          modelVersion: c.version,
          inputs: { x: row.x },
          outputs: { prediction: row.prediction, probabilities: row.probabilities },
          predictedLabel: row.prediction,
        }),
      );
      await t.app.get(PredictionLogRepository).insertMany(batchOf(records));
      const items = window.rows
        .map((row, i) => ({ prediction_id: ids[i], actual: row.actual }))
        .filter((item) => item.actual !== undefined);
      const res = await t.app.inject({ method: 'POST', url: '/v1/feedback', payload: { items } });
      expect(res.json().counts.created).toBe(items.length);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({
      MODELS_DIR: join(CBPE_FIXTURES, 'models'),
      PERFORMANCE_INTERVAL_SECONDS: '0',
      PERFORMANCE_WINDOWS: '1h',
    });
    now = NOW;
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    for (const c of cases) await load(c);
  });
  afterAll(async () => {
    await t.close();
  });

  describe.each(cases.map((c) => [c.model, c] as const))('%s', (_name, c) => {
    const estimates = new Map<string, EstimatedPerformance>();
    const realized = new Map<string, Record<string, number | null>>();

    beforeAll(async () => {
      for (const [w, window] of c.windows.entries()) {
        now = new Date(NOW.getTime() - (c.windows.length - 1 - w) * HOUR);
        const body = await get(`/v1/models/${c.model}/performance?window=1h&estimated=true`);
        estimates.set(window.name, body.estimated);
        realized.set(window.name, body.metrics);
      }
      now = NOW;
    });

    it.each(c.windows.map((w) => [w.name, w] as const))(
      'estimates the %s hour as numpy does, with its confidence band and expected confusion matrix',
      (name, w) => {
        const e = estimates.get(name)!;
        expect(e).toMatchObject({
          method: 'cbpe',
          status: 'ok',
          scored: w.expected.scored,
          predictions: w.rows.length,
        });
        expect(e.reference).toMatchObject({ rows: c.reference.rows, probabilities: 'file' });
        const diffs = [
          ...METRICS.flatMap((m) => {
            const x = w.expected.estimated[m];
            const a = e.metrics![m];
            return [
              ...close(`${m}`, a.value, x.value),
              ...close(`${m} sampling error`, a.sampling_error, x.sampling_error),
              ...close(`${m} band lower`, a.lower, x.lower),
              ...close(`${m} band upper`, a.upper, x.upper),
              ...close(`${m} threshold lower`, a.threshold.lower, c.reference.thresholds[m].lower),
              ...close(`${m} threshold upper`, a.threshold.upper, c.reference.thresholds[m].upper),
            ];
          }),
          ...e.confusion_matrix!.matrix.flatMap((row, i) =>
            row.flatMap((v, j) => close(`C[${i}][${j}]`, v, w.expected.confusion_matrix[i][j])),
          ),
        ];
        expect(diffs).toEqual([]);
      },
    );

    it.each(c.windows.map((w) => [w.name, w] as const))(
      'scores the %s estimate against the labels that arrived (estimation error)',
      (name, w) => {
        const err = estimates.get(name)!.estimation_error!;
        expect(err).toMatchObject({ labelled: w.expected.labelled, status: 'ok' });
        const diffs = METRICS.flatMap((m) => [
          ...close(
            `${m} estimated on labelled`,
            err.metrics[m].estimated,
            w.expected.estimated_on_labelled[m],
          ),
          ...close(`${m} realized`, err.metrics[m].realized, w.expected.realized[m]),
          ...close(`${m} realized (API)`, realized.get(name)![m], w.expected.realized[m]),
        ]);
        expect(diffs).toEqual([]);
        for (const m of METRICS) {
          const { estimated, realized: r, error } = err.metrics[m];
          if (estimated !== null && r !== null) expect(error).toBeCloseTo(estimated - r, 12);
        }
      },
    );

    it('sees the accuracy fall on the shifted hour, in the estimate as in the realized figures', () => {
      const steady = estimates.get('steady')!;
      const shifted = estimates.get('shifted')!;
      const drop = steady.metrics!.accuracy.value! - shifted.metrics!.accuracy.value!;
      const realizedDrop = realized.get('steady')!.accuracy! - realized.get('shifted')!.accuracy!;
      expect(drop).toBeGreaterThan(0.1);
      expect(realizedDrop).toBeGreaterThan(0.1);
      // the estimate lands within its band of the truth, both hours
      for (const e of [steady, shifted]) {
        const a = e.estimation_error!.metrics.accuracy;
        expect(Math.abs(a.error!)).toBeLessThan(e.metrics!.accuracy.upper! - e.metrics!.accuracy.value!);
      }
      expect([steady.verdict, shifted.verdict]).toEqual(['ok', 'degraded']);
      expect(shifted.metrics!.accuracy.alert).toBe('below');
      expect([steady.realized_verdict, shifted.realized_verdict]).toEqual(['ok', 'degraded']);
    });
  });

  it('exports the scheduled estimates next to the realized figures, with thresholds, errors and history', async () => {
    now = NOW;
    const done = await t.app.get(EstimationJob).run();
    expect(done.map((d) => d.modelName).sort()).toEqual(cases.map((c) => c.model).sort());
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    for (const c of cases) {
      const shifted = c.windows.find((w) => w.name === 'shifted')!;
      const series = { model: c.model, version: c.version, window: '1h', metric: 'accuracy' };
      const gauge = metricValue(text, 'sightline_model_performance_estimated', series);
      expect(close('gauge', gauge, shifted.expected.estimated.accuracy.value)).toEqual([]);
      const lower = metricValue(text, 'sightline_model_performance_estimated_bound', {
        ...series,
        bound: 'lower',
      });
      expect(close('band', lower, shifted.expected.estimated.accuracy.lower)).toEqual([]);
      const threshold = metricValue(text, 'sightline_model_performance_threshold', {
        model: c.model,
        version: c.version,
        metric: 'accuracy',
        bound: 'lower',
      });
      expect(close('threshold', threshold, c.reference.thresholds.accuracy.lower)).toEqual([]);
      const error = metricValue(text, 'sightline_model_performance_estimation_error', series);
      expect(
        close(
          'error',
          error,
          shifted.expected.estimated_on_labelled.accuracy! - shifted.expected.realized.accuracy!,
        ),
      ).toEqual([]);
      expect(
        metricValue(text, 'sightline_performance_estimated_insufficient_data', {
          model: c.model,
          window: '1h',
        }),
      ).toBe(0);
      const history = await get(`/v1/models/${c.model}/performance/estimated/history?window=1h`);
      expect(history.items).toHaveLength(1);
      expect(history.items[0]).toMatchObject({
        window_end: NOW.toISOString(),
        estimated: { status: 'ok', verdict: 'degraded' },
      });
    }
    expect(
      metricValue(text, 'sightline_job_runs_total', { job: 'performance_estimation', outcome: 'success' }),
    ).toBe(1);
  });

  it('says insufficient_data for a window with fewer predictions than PERFORMANCE_MIN_SAMPLE', async () => {
    now = new Date(NOW.getTime() + 59 * 60_000);
    const c = cases[0];
    // the last 60 seconds of the shifted hour: 60 predictions
    const body = await get(`/v1/models/${c.model}/performance?window=1h&estimated=true`);
    now = NOW;
    expect(body.estimated).toMatchObject({
      status: 'insufficient_data',
      verdict: 'insufficient_data',
      min_sample: 100,
    });
    expect(body.estimated.scored).toBeLessThan(100);
  });

  it('refuses an estimated flag that is not true or false, naming it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/v1/models/${cases[0].model}/performance?estimated=yes`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain('estimated');
  });
});
