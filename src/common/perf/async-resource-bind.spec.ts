import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installFastAsyncResourceBind } from './async-resource-bind';

describe('installFastAsyncResourceBind', () => {
  beforeAll(() => installFastAsyncResourceBind());

  it('keeps a bound function in the async context it was bound in', async () => {
    const als = new AsyncLocalStorage<string>();
    const bound = als.run('request-1', () => AsyncResource.bind(() => als.getStore()));
    const seen = await als.run(
      'request-2',
      () => new Promise((resolve) => setImmediate(() => resolve(bound()))),
    );
    expect(seen).toBe('request-1');
  });

  it('passes arguments and `this` through, keeps the length and exposes asyncResource', () => {
    const resource = new AsyncResource('test');
    function add(this: { base: number }, a: number, b: number): number {
      return this.base + a + b;
    }
    const bound = resource.bind(add) as unknown as typeof add & { asyncResource: AsyncResource };
    expect(bound.call({ base: 1 }, 2, 3)).toBe(6);
    expect(bound.length).toBe(2);
    expect(bound.asyncResource).toBe(resource);
    // Node's own signature takes a thisArg that @types/node leaves out
    const bindWithThis = resource.bind.bind(resource) as (fn: unknown, thisArg: unknown) => unknown;
    const withThis = bindWithThis(add, { base: 10 }) as (a: number, b: number) => number;
    expect(withThis(1, 1)).toBe(12);
  });

  it('still rejects what is not a function the way Node does', () => {
    expect(() => new AsyncResource('test').bind(42 as never)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
  });

  it('is installed once and reports it', () => {
    const bind = AsyncResource.prototype.bind;
    expect(installFastAsyncResourceBind()).toBe(installFastAsyncResourceBind());
    expect(AsyncResource.prototype.bind).toBe(bind);
  });
});
