import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installFastAsyncResourceBind, nodeBindIsSlow, SLOW_BIND_MAJORS } from './async-resource-bind';

const major = Number(process.versions.node.split('.')[0]);

describe('installFastAsyncResourceBind', () => {
  it(`knows whether Node ${process.versions.node} needs it (else update SLOW_BIND_MAJORS, or delete the patch)`, () => {
    expect({ major, slow: nodeBindIsSlow() }).toEqual({ major, slow: SLOW_BIND_MAJORS.includes(major) });
  });

  it('is installed exactly where Node’s own bind is the slow one, once', () => {
    // (another file in this jest worker may have installed it already: the module is Node's own)
    const installed = installFastAsyncResourceBind();
    expect(installed).toBe(nodeBindIsSlow());
    const inPlace = Function.prototype.toString.call(AsyncResource.prototype.bind);
    expect(inPlace.includes('deprecate(')).toBe(false);
    const after = AsyncResource.prototype.bind;
    expect(installFastAsyncResourceBind()).toBe(installed);
    expect(AsyncResource.prototype.bind).toBe(after);
  });

  describe('whichever bind is in place', () => {
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

    it('passes arguments and `this` through and keeps the length', () => {
      const resource = new AsyncResource('test');
      function add(this: { base: number }, a: number, b: number): number {
        return this.base + a + b;
      }
      const bound = resource.bind(add) as unknown as typeof add;
      expect(bound.call({ base: 1 }, 2, 3)).toBe(6);
      expect(bound.length).toBe(2);
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
  });

  it('exposes asyncResource where Node still does (Node 26 dropped it)', () => {
    installFastAsyncResourceBind();
    const resource = new AsyncResource('test');
    const bound = resource.bind(() => 1) as unknown as { asyncResource?: AsyncResource };
    expect(bound.asyncResource).toBe(nodeBindIsSlow() ? resource : undefined);
  });
});
