import { AsyncResource } from 'node:async_hooks';

type Bind = (this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown) => unknown;

const INSTALLED = Symbol.for('sightline.asyncResourceBind');

/** Runs `fn` in `resource`'s scope with the `this` of whoever calls the result. */
function callerThis(
  resource: AsyncResource,
  fn: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  return function (this: unknown, ...args: unknown[]): unknown {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}

/**
 * Node 20's `AsyncResource.prototype.bind` wraps the deprecated `asyncResource` property of every
 * bound function in two `util.deprecate` calls, which cost ~10 µs per bind (measured here) — and
 * Fastify's body parser and Nest's interceptor chain bind two to three functions per request, so
 * this alone was ~8% of the CPU of a prediction. This is the same bind with the property kept as a
 * plain value (no deprecation warning on access). Installed only where the slow version is found.
 */
export function installFastAsyncResourceBind(): boolean {
  const proto = AsyncResource.prototype as unknown as { bind: Bind; [INSTALLED]?: true };
  if (proto[INSTALLED]) return true;
  const original = proto.bind;
  if (!Function.prototype.toString.call(original).includes('deprecate(')) return false;

  proto.bind = function bind(this: AsyncResource, fn, thisArg) {
    // the original validates and throws Node's own error type
    if (typeof fn !== 'function') return original.call(this, fn, thisArg);
    const bound = thisArg === undefined ? callerThis(this, fn) : this.runInAsyncScope.bind(this, fn, thisArg);
    Object.defineProperty(bound, 'length', { configurable: true, value: fn.length });
    Object.defineProperty(bound, 'asyncResource', {
      configurable: true,
      enumerable: true,
      writable: true,
      value: this,
    });
    return bound;
  };
  proto[INSTALLED] = true;
  return true;
}
