import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { ModelAccess } from '../common/http/model-access';
import { ValidationFailedError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { BulkItem, parseBulkItem } from './bulk-item.parser';
import { BulkFeedbackItemResultDto, BulkFeedbackResponseDto, countStatuses } from './dto/bulk-feedback.dto';
import { NewFeedback } from './feedback.record';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackPreparer } from './feedback-preparer';
import { PredictionLookup } from './prediction-lookup';

// rows per INSERT statement: large enough to be set-based, small enough to keep one statement cheap
const STATEMENT_ROWS = 10_000;

const echoId = (raw: unknown): string | null =>
  raw && typeof raw === 'object' && typeof (raw as { prediction_id?: unknown }).prediction_id === 'string'
    ? (raw as { prediction_id: string }).prediction_id.slice(0, 64)
    : null;

/**
 * Labels in bulk, each item judged on its own: one lookup query for all predictions and one
 * INSERT per 10,000 items, never a round trip per item.
 */
@Injectable()
export class BulkFeedbackService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: FeedbackRepository,
    private readonly lookup: PredictionLookup,
    private readonly preparer: FeedbackPreparer,
    private readonly clock: Clock,
  ) {}

  /** An item on a prediction of a model outside `access` is `not_found`, as an unknown id is. */
  async submit(items: unknown[], access: ModelAccess): Promise<BulkFeedbackResponseDto> {
    const max = this.config.feedback.maxBulkItems;
    if (items.length > max) {
      throw new ValidationFailedError([
        { field: 'items', message: `must contain at most ${max} items (FEEDBACK_MAX_BULK_ITEMS)` },
      ]);
    }
    const results: BulkFeedbackItemResultDto[] = items.map((raw, index) => ({
      index,
      prediction_id: echoId(raw),
      status: 'invalid',
    }));
    const parsed = this.parse(items, results);
    const predictions = await this.lookup.find([...parsed.values()].map((p) => p.predictionId));
    const ready: { index: number; item: NewFeedback }[] = [];
    for (const [index, p] of parsed) {
      const result = results[index];
      result.prediction_id = p.predictionId;
      const prediction = predictions.get(p.predictionId);
      if (!prediction || !access.allows(prediction.modelName)) {
        result.status = 'not_found';
        continue;
      }
      const prepared = this.preparer.prepare(prediction, p, 'prediction_id');
      if (Array.isArray(prepared)) result.errors = prepared;
      else ready.push({ index, item: prepared });
    }
    const now = this.clock.now();
    for (let start = 0; start < ready.length; start += STATEMENT_ROWS) {
      const chunk = ready.slice(start, start + STATEMENT_ROWS);
      const outcomes = await this.repository.submit(
        chunk.map((c) => c.item),
        now,
      );
      outcomes.forEach((o, i) => {
        const result = results[chunk[i].index];
        result.status = o.status;
        if (o.existing !== undefined) result.existing_actual = o.existing;
      });
    }
    return { counts: countStatuses(results), items: results };
  }

  /** Well-formed items by index; the rest get their errors. A repeated prediction id is invalid. */
  private parse(items: unknown[], results: BulkFeedbackItemResultDto[]): Map<number, BulkItem> {
    const parsed = new Map<number, BulkItem>();
    const firstIndex = new Map<string, number>();
    items.forEach((raw, index) => {
      const item = parseBulkItem(raw);
      if (Array.isArray(item)) {
        results[index].errors = item;
        return;
      }
      const seen = firstIndex.get(item.predictionId);
      if (seen !== undefined) {
        results[index].errors = [{ field: 'prediction_id', message: `repeats item ${seen} of this request` }];
        return;
      }
      firstIndex.set(item.predictionId, index);
      parsed.set(index, item);
    });
    return parsed;
  }
}
