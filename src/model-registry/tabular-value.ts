import { FieldError } from '../common/errors/domain-error';
import { RawValue } from './encoded-batch';
import { CategoricalFeature, NumericFeature } from './manifest';

/**
 * A numeric or categorical value checked and written into its float32 column (or one-hot block)
 * at `at`; returns the value as received, for the log, or null after recording an error.
 */
export function writeTabular(
  f: NumericFeature | CategoricalFeature,
  raw: unknown,
  data: Float32Array,
  at: number,
  field: string,
  errors: FieldError[],
): RawValue {
  if (raw === undefined || raw === null) {
    if (f.required) {
      errors.push({ field, message: 'is required' });
    } else if (f.type === 'numeric') {
      data[at] = f.default!;
    }
    return null;
  }
  if (f.type === 'numeric') {
    if (typeof raw !== 'number') {
      errors.push({ field, message: `must be a number, got ${typeof raw}` });
      return null;
    }
    if (!Number.isFinite(raw)) {
      errors.push({ field, message: 'must be a finite number' });
      return null;
    }
    let value = raw;
    const below = f.min !== undefined && raw < f.min;
    const above = f.max !== undefined && raw > f.max;
    if ((below || above) && f.outOfRange !== 'accept') {
      if (f.outOfRange === 'reject') {
        errors.push({
          field,
          message: `must be between ${f.min ?? '-inf'} and ${f.max ?? 'inf'}, got ${raw}`,
        });
        return null;
      }
      value = below ? f.min! : f.max!;
    }
    data[at] = value;
    return raw;
  }
  if (typeof raw !== 'string') {
    errors.push({ field, message: `must be a string category, got ${typeof raw}` });
    return null;
  }
  const index = f.categories.indexOf(raw);
  if (index >= 0) {
    data[at + index] = 1;
  } else if (f.unseen === 'reject') {
    const list =
      f.categories.length <= 20 ? f.categories.join(', ') : `${f.categories.length} known categories`;
    errors.push({ field, message: `must be one of ${list}` });
    return null;
  }
  return raw;
}
