import { ValidationFailedError } from './errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** 422 before any query: Postgres would reject a malformed uuid with a 500-shaped error. */
export function assertUuid(value: string, field: string): void {
  if (!isUuid(value)) throw new ValidationFailedError([{ field, message: 'must be a UUID' }]);
}
