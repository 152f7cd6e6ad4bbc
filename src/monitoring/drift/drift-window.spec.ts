import { ValidationFailedError } from '../../common/errors/domain-error';
import { resolveWindow } from './drift-window';

const now = new Date('2026-11-23T12:00:00Z');

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationFailedError) return err.errors.map((e) => e.field);
    throw err;
  }
  return [];
}

describe(resolveWindow.name, () => {
  it('ends a duration now, or takes from/to', () => {
    expect(resolveWindow({}, now, '1h')).toEqual({ from: new Date('2026-11-23T11:00:00Z'), to: now });
    expect(resolveWindow({ window: '30m' }, now, '1h').from).toEqual(new Date('2026-11-23T11:30:00Z'));
    expect(resolveWindow({ from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, now, '1h')).toEqual({
      from: new Date('2026-11-20T00:00:00Z'),
      to: new Date('2026-11-21T00:00:00Z'),
    });
    expect(resolveWindow({ to: '2026-11-21T00:00:00Z' }, now, '2h').from).toEqual(
      new Date('2026-11-20T22:00:00Z'),
    );
    expect(resolveWindow({ from: '2026-11-23T10:00:00Z' }, now, '1h').to).toEqual(now);
  });

  it('names the field of every mistake', () => {
    expect(fields(() => resolveWindow({ window: '1 hour' }, now, '1h'))).toEqual(['window']);
    expect(fields(() => resolveWindow({ window: '1h', from: '2026-11-23T10:00:00Z' }, now, '1h'))).toEqual([
      'window',
    ]);
    expect(fields(() => resolveWindow({ from: 'soon' }, now, '1h'))).toEqual(['from']);
    expect(fields(() => resolveWindow({ from: '2026-11-23T13:00:00Z' }, now, '1h'))).toEqual(['from']);
  });
});
