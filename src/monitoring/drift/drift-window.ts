import { FieldError, ValidationFailedError } from '../../common/errors/domain-error';
import { parseWindow } from '../performance/window';
import { TimeWindow } from './drift.service';

export interface WindowParams {
  window?: string;
  from?: string;
  to?: string;
}

/**
 * [from, to) from `?window=1h` (ending now), or `?from=&to=` (ISO 8601; `to` defaults to now, `from`
 * to `to` minus the default window). Mixing the two forms, or an empty range, is a field error.
 */
export function resolveWindow(params: WindowParams, now: Date, fallback: string): TimeWindow {
  const errors: FieldError[] = [];
  if (params.window !== undefined && (params.from !== undefined || params.to !== undefined)) {
    errors.push({ field: 'window', message: 'give either window or from/to, not both' });
  }
  const seconds = parseWindow(params.window ?? fallback);
  if (seconds === undefined) {
    errors.push({ field: 'window', message: 'must be a duration like 30m, 1h, 24h or 7d (at most 400d)' });
  }
  const date = (field: 'from' | 'to'): Date | undefined => {
    const raw = params[field];
    if (raw === undefined) return undefined;
    const t = Date.parse(raw);
    if (Number.isNaN(t))
      errors.push({ field, message: 'must be an ISO 8601 date-time, e.g. 2026-11-23T10:00:00Z' });
    return new Date(t);
  };
  const to = date('to') ?? now;
  const from = date('from') ?? new Date(to.getTime() - (seconds ?? 0) * 1000);
  if (errors.length === 0 && !(from.getTime() < to.getTime())) {
    errors.push({ field: 'from', message: 'must be before to' });
  }
  if (errors.length > 0) throw new ValidationFailedError(errors);
  return { from, to };
}
