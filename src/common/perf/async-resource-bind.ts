import { AsyncResource } from 'node:async_hooks';

type Bind = (this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown) => unknown;

const INSTALLED = Symbol.for('sightline.asyncResourceBind');

/**
 * The Node majors whose own `AsyncResource.prototype.bind` wraps the deprecated `asyncResource`
 * property of every bound function in two `util.deprecate` calls: ~2.0–2.2 µs per bind against
 * ~0.4–0.5 µs for the same bind without them (measured on 22.23 and 24.22; 26 dropped the
 * property). Fastify's body parser and Nest bind two to three functions per request. A spec fails
 * when a listed major stops needing the patch (or an unlisted one starts), so this list, and in
 * the end this file, goes when the last supported Node is fixed.
 */
export const SLOW_BIND_MAJORS: readonly number[] = [22, 24];

/** The running Node's bind is the slow, deprecating one (read from its source, not its version). */
export function nodeBindIsSlow(): boolean {
  const bind =
    (AsyncResource.prototype as unknown as { [INSTALLED]?: Bind; bind: Bind })[INSTALLED] ??
    AsyncResource.prototype.bind;
  return Function.prototype.toString.call(bind).includes('deprecate(');
}

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
 * The same bind with `asyncResource` kept as a plain value (no deprecation warning on access),
 * installed only where Node's own is the slow one. Returns whether it is installed.
 */
export function installFastAsyncResourceBind(): boolean {
  const proto = AsyncResource.prototype as unknown as { bind: Bind; [INSTALLED]?: Bind };
  if (proto[INSTALLED]) return true;
  if (!nodeBindIsSlow()) return false;
  const original = proto.bind;
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
  // keeps Node's own bind, so nodeBindIsSlow() still reads Node's source once we are installed
  proto[INSTALLED] = original;
  return true;
}
