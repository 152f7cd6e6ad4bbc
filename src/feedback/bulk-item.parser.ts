import { FieldError } from '../common/errors/domain-error';
import { FeedbackFields, MAX_COMMENT_LENGTH } from './dto/feedback-request.dto';
import { isUuid } from './feedback.errors';
import { isJsonObject } from '../common/json';

export interface BulkItem extends FeedbackFields {
  predictionId: string;
}

const FIELDS = new Set(['prediction_id', 'actual', 'comment', 'metadata']);

/**
 * The same rules as FeedbackRequestDto plus prediction_id, checked by hand: a bad item must
 * become one `invalid` entry, not a 422 for the whole batch as the global pipe would make it.
 */
export function parseBulkItem(raw: unknown): BulkItem | FieldError[] {
  if (!isJsonObject(raw)) return [{ field: '', message: 'each item must be an object' }];
  const errors: FieldError[] = [];
  for (const key of Object.keys(raw)) {
    if (!FIELDS.has(key))
      errors.push({ field: key.slice(0, 64), message: `property ${key.slice(0, 64)} should not exist` });
  }
  if (!isUuid(raw.prediction_id)) errors.push({ field: 'prediction_id', message: 'must be a UUID' });
  if (raw.actual === undefined || raw.actual === null)
    errors.push({ field: 'actual', message: 'actual is required' });
  const { comment, metadata } = raw;
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > MAX_COMMENT_LENGTH)) {
    errors.push({
      field: 'comment',
      message: `must be a string of at most ${MAX_COMMENT_LENGTH} characters`,
    });
  }
  if (metadata !== undefined && !isJsonObject(metadata)) {
    errors.push({ field: 'metadata', message: 'metadata must be an object' });
  }
  if (errors.length > 0) return errors;
  return {
    predictionId: (raw.prediction_id as string).toLowerCase(),
    actual: raw.actual,
    comment: comment as string | undefined,
    metadata: metadata as Record<string, unknown> | undefined,
  };
}
