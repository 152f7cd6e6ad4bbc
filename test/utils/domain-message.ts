import { DomainError } from '../../src/common/errors/domain-error';

/** The message of the DomainError fn throws; fails the test when it throws anything else or nothing. */
export function domainMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return (err as DomainError).message;
  }
  throw new Error('expected a validation error');
}
