import { Clock } from '../common/clock';
import { ModelAccess } from '../common/http/model-access';
import { Sanitizer } from '../common/sanitize/sanitizer';
import { AppConfig } from '../config/app-config';
import { PredictionLog } from '../prediction-log/prediction-log';
import { PredictionLogReader } from '../prediction-log/read/prediction-log.reader';
import { BulkFeedbackService } from './bulk-feedback.service';
import { FeedbackPreparer } from './feedback-preparer';
import { NewFeedback, PredictionRef, SubmitOutcome } from './feedback.record';
import { FeedbackRepository } from './feedback.repository';
import { ModelTargets } from './model-targets';
import { PredictionLookup } from './prediction-lookup';

const NOW = new Date('2026-11-20T12:00:00Z');
const id = (n: number) => `0196b1f2-7c1a-7d3e-9a4b-${n.toString(16).padStart(12, '0')}`;

/**
 * A store that knows predictions 0..known-1 (it stands in for the log's reader too), with
 * "repaid" already stored for prediction 1.
 */
class FakeRepository extends FeedbackRepository {
  lookups = 0;
  statements: NewFeedback[][] = [];
  constructor(private readonly known: number) {
    super();
  }
  async findSummaries(ids: string[]): Promise<Map<string, PredictionRef>> {
    this.lookups++;
    const found = new Map<string, PredictionRef>();
    const wanted = new Set(ids);
    for (let n = 0; n < this.known; n++) {
      if (!wanted.has(id(n))) continue;
      const ref = { id: id(n), modelName: 'm', modelVersion: '1', errorClass: null, createdAt: NOW };
      found.set(id(n), { ...ref, status: 'success' });
    }
    return found;
  }
  async submit(items: NewFeedback[], now: Date): Promise<SubmitOutcome[]> {
    expect(now).toEqual(NOW);
    this.statements.push(items);
    return items.map((i) =>
      i.predictionId !== id(1)
        ? { predictionId: i.predictionId, status: 'created' }
        : i.actualLabel === 'repaid'
          ? { predictionId: i.predictionId, status: 'unchanged' }
          : { predictionId: i.predictionId, status: 'conflict', existing: 'repaid' },
    );
  }
  replace(): never {
    throw new Error('unexpected call');
  }
  findByPredictionId(): never {
    throw new Error('unexpected call');
  }
}

function service(repository: FakeRepository, maxBulkItems = 10_000): BulkFeedbackService {
  const targets = {
    specFor: () => ({ task: 'classification', labels: ['repaid', 'default'], sanitizeFields: {} }),
  };
  const log = { ensureWritten: () => Promise.resolve() } as unknown as PredictionLog;
  const preparer = new FeedbackPreparer(
    targets as unknown as ModelTargets,
    new Sanitizer({ hmacKey: 'k'.repeat(16) }),
  );
  const config = { feedback: { maxBulkItems } } as AppConfig;
  const clock = { now: () => NOW } as Clock;
  return new BulkFeedbackService(
    config,
    repository,
    new PredictionLookup(log, repository as unknown as PredictionLogReader),
    preparer,
    clock,
  );
}

describe(BulkFeedbackService.name, () => {
  it('answers every item in request order with one lookup and one statement', async () => {
    const repository = new FakeRepository(3);
    const items = [
      { prediction_id: id(1), actual: 'default' },
      { prediction_id: id(0), actual: 'default' },
      { prediction_id: id(9), actual: 'default' },
      { prediction_id: id(2), actual: 'nope' },
      { prediction_id: id(1), actual: 'repaid' },
    ];
    const result = await service(repository).submit(items, ModelAccess.ALL);
    expect(result.items.map((i) => i.status)).toEqual([
      'conflict',
      'created',
      'not_found',
      'invalid',
      'invalid',
    ]);
    expect(result.items[0].existing_actual).toBe('repaid');
    expect(result.counts).toEqual({ created: 1, unchanged: 0, conflict: 1, not_found: 1, invalid: 2 });
    expect(repository.lookups).toBe(1);
    expect(repository.statements.map((s) => s.length)).toEqual([2]);
  });

  it('answers not_found for a prediction of a model the caller may not see, and stores nothing', async () => {
    const repository = new FakeRepository(3);
    const items = [{ prediction_id: id(0), actual: 'default' }];
    const result = await service(repository).submit(items, new ModelAccess(new Set(['other'])));
    expect(result.items.map((i) => i.status)).toEqual(['not_found']);
    expect(repository.statements).toEqual([]);
    const allowed = await service(repository).submit(items, new ModelAccess(new Set(['m'])));
    expect(allowed.items.map((i) => i.status)).toEqual(['created']);
  });

  it('splits very large requests into statements of 10,000 rows', async () => {
    const repository = new FakeRepository(25_000);
    const items = Array.from({ length: 25_000 }, (_, n) => ({ prediction_id: id(n), actual: 'default' }));
    const result = await service(repository, 100_000).submit(items, ModelAccess.ALL);
    expect(repository.statements.map((s) => s.length)).toEqual([10_000, 10_000, 5_000]);
    expect(result.counts.created).toBe(24_999);
    expect(result.counts.conflict).toBe(1);
  });

  it('refuses more items than FEEDBACK_MAX_BULK_ITEMS before touching the store', async () => {
    const repository = new FakeRepository(0);
    await expect(service(repository, 2).submit([{}, {}, {}], ModelAccess.ALL)).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'items', message: 'must contain at most 2 items (FEEDBACK_MAX_BULK_ITEMS)' }],
    });
    expect(repository.lookups).toBe(0);
  });
});
