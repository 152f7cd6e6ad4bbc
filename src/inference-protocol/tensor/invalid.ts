import { ValidationFailedError } from '../../common/errors/domain-error';

/**
 * Rejects the request with a message that stands on its own (it names the input and the reason),
 * because the protocol's error body is a single string.
 */
export function invalid(field: string, message: string): never {
  throw new ValidationFailedError([{ field, message }], message);
}

/** A short, safe rendering of a client value for an error message. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'bigint' ? value.toString() : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

export function formatShape(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}
