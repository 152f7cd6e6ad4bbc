import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uuidv7 } from 'uuidv7';
import { Clock } from '../../src/common/clock';
import { batchOf } from '../../src/prediction-log/store/log-batch';
import { PredictionLogRepository } from '../../src/prediction-log/store/prediction-log.repository';
import { PredictionRecord } from '../../src/prediction-log/record/prediction-record';
import { REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';
import { logRecord } from '../utils/log-records';

/*
 * The performance figures against scikit-learn. scripts/performance_fixtures.py wrote the rows and
 * what scikit-learn computes on them; here the rows go into Postgres (predictions through the log
 * repository, feedback through the bulk API at pinned clock times) and every figure the API
 * reports must agree to 1e-9 (relative to the figure's size when it is above 1).
 */

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'performance');

interface FixtureRow {
  kind: 'scored' | 'unlabelled' | 'old' | 'failed';
  age_seconds: number;
  feedback_offset_seconds?: number;
  prediction?: string | number;
  probabilities?: Record<string, number>;
  actual: string | number;
}

interface FixtureCase {
  model: string;
  version: string;
  task: 'classification' | 'regression';
  window: string;
  rows: FixtureRow[];
  expected: {
    predictions: number;
    labelled: number;
    label_coverage: number;
    median_label_delay_seconds: number;
    metrics: Record<string, unknown>;
  };
}

const cases: FixtureCase[] = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')).cases;
const NOW = new Date('2026-11-20T12:00:00.000Z');

function expectClose(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== 'number')
    throw new Error(`${what}: expected a number, got ${JSON.stringify(actual)}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(
      `${what}: got ${actual}, scikit-learn says ${expected} (|diff| ${Math.abs(actual - expected)})`,
    );
  }
}

function record(c: FixtureCase, row: FixtureRow, id: string): PredictionRecord {
  const failed = row.kind === 'failed';
  const classification = c.task === 'classification';
  return logRecord({
    id,
    createdAt: new Date(NOW.getTime() - row.age_seconds * 1000),
    modelName: c.model,
    modelVersion: c.version,
    status: failed ? 'error' : 'success',
    errorClass: failed ? 'inference_failed' : null,
    inputs: { x: 1 },
    outputs: failed ? null : { prediction: row.prediction!, probabilities: row.probabilities },
    predictedLabel: !failed && classification ? String(row.prediction) : null,
    predictedValue: !failed && !classification ? Number(row.prediction) : null,
  });
}

describe('model performance against scikit-learn (e2e)', () => {
  let t: TestApp;
  let now: Date;

  beforeAll(async () => {
    t = await startTestApp({ MODELS_DIR: join(FIXTURES, 'models'), PERFORMANCE_INTERVAL_SECONDS: '0' });
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => new Date(now));
  });
  afterAll(async () => {
    await t.close();
  });

  describe.each(cases.map((c) => [c.model, c] as const))('%s', (_name, c) => {
    let body: Record<string, unknown>;

    beforeAll(async () => {
      const ids = c.rows.map(() => uuidv7());
      await t.app
        .get(PredictionLogRepository)
        .insertMany(batchOf(c.rows.map((row, i) => record(c, row, ids[i]))));
      // labels arrive in batches, each at its own time: that is what the median delay measures
      const offsets = [...new Set(c.rows.map((r) => r.feedback_offset_seconds ?? 0))];
      for (const offset of offsets) {
        now = new Date(NOW.getTime() - offset * 1000);
        const items = c.rows
          .map((row, i) => ({ row, id: ids[i] }))
          .filter(({ row }) => row.kind !== 'unlabelled' && (row.feedback_offset_seconds ?? 0) === offset)
          .map(({ row, id }) => ({ prediction_id: id, actual: row.actual }));
        const res = await t.app.inject({ method: 'POST', url: '/v1/feedback', payload: { items } });
        expect(res.statusCode).toBe(200);
        const failed = items.filter(
          (item) => c.rows[ids.indexOf(item.prediction_id)].kind === 'failed',
        ).length;
        expect(res.json().counts).toEqual({
          created: items.length - failed,
          unchanged: 0,
          conflict: 0,
          not_found: 0,
          invalid: failed,
        });
      }
      now = NOW;
      const res = await t.app.inject({
        method: 'GET',
        url: `/v1/models/${c.model}/performance?window=${c.window}&version=${c.version}`,
      });
      expect(res.statusCode).toBe(200);
      body = res.json();
    });

    it('counts predictions, labels, coverage and the median label delay', () => {
      expect(body).toMatchObject({
        model: { name: c.model, version: c.version },
        task: c.task,
        window: c.window,
        window_end: NOW.toISOString(),
        predictions: c.expected.predictions,
        labelled: c.expected.labelled,
      });
      expectClose(body.label_coverage, c.expected.label_coverage, 'label_coverage');
      expectClose(body.median_label_delay_seconds, c.expected.median_label_delay_seconds, 'median delay');
    });

    it('matches every metric scikit-learn computes', () => {
      const metrics = body.metrics as Record<string, unknown>;
      for (const [name, expected] of Object.entries(c.expected.metrics)) {
        if (name === 'per_class' || name === 'confusion_matrix') continue;
        if (typeof expected === 'number' && !Number.isInteger(expected))
          expectClose(metrics[name], expected, name);
        else expect([name, metrics[name]]).toEqual([name, expected]);
      }
      if (c.task !== 'classification') return;
      expect(metrics.confusion_matrix).toEqual(c.expected.metrics.confusion_matrix);
      const perClass = metrics.per_class as { label: string; [k: string]: number | string }[];
      const expectedPerClass = c.expected.metrics.per_class as Record<string, Record<string, number>>;
      expect(perClass.map((p) => p.label).sort()).toEqual(Object.keys(expectedPerClass).sort());
      for (const p of perClass) {
        for (const [k, v] of Object.entries(expectedPerClass[p.label])) {
          expectClose(p[k], v, `${p.label}.${k}`);
        }
      }
    });
  });
});
