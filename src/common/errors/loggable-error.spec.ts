import { loggableError } from './loggable-error';

describe(loggableError.name, () => {
  it('keeps only the class and SQLSTATE of a driver error, whose message quotes client input', () => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "jane@example.com <script>"'), {
      name: 'QueryFailedError',
      code: '22P02',
    });
    const logged = loggableError(err);
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '22P02',
      message: 'database query failed',
    });
    expect(JSON.stringify(logged)).not.toMatch(/jane|script/);
  });

  it('masks personal data in other messages and drops the stack line that repeats the message', () => {
    const logged = loggableError(new TypeError('cannot read jane@example.com\nforged line'));
    expect(logged.message).toBe('cannot read [email] forged line');
    expect(logged.stack).toMatch(/^\s+at /);
    expect(String(logged.stack)).not.toContain('jane');
  });

  it('describes a thrown non-error by its type only', () => {
    expect(loggableError('secret 4111 1111 1111 1111')).toEqual({ type: 'string' });
  });
});
