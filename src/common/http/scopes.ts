import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

export const SCOPES = ['predict', 'feedback', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export interface ScopeRequirement {
  scope: Scope;
  /**
   * Which model the route acts on, for keys restricted to some models: `param` (the default)
   * reads the route's `name`/`model`/`model_name` parameter, `default` means DEFAULT_MODEL, and
   * `all` marks a route that spans every model (key management), closed to restricted keys.
   */
  model?: 'param' | 'default' | 'all';
}

/** Where the requirement sits in a Fastify route's `config` (read by AuthHook). */
export const SCOPE_ROUTE_CONFIG = 'sightlineScope';

type Handler = (...args: never[]) => unknown;

function setRequirement(handler: Handler, requirement: ScopeRequirement, override: boolean): void {
  const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as Record<
    string,
    unknown
  >;
  if (!override && config[SCOPE_ROUTE_CONFIG]) return;
  Reflect.defineMetadata(
    FASTIFY_ROUTE_CONFIG_METADATA,
    { ...config, [SCOPE_ROUTE_CONFIG]: requirement },
    handler,
  );
}

/**
 * The scope a route needs, on a handler or on a controller (for each handler without its own).
 * It travels as Fastify route config, so AuthHook checks it in onRequest, before the body is
 * read and without a Nest guard on the hot path. Routes without it need `read` for GET/HEAD and
 * `admin` otherwise, so a new write endpoint is locked down until someone decides who may call it.
 */
export function RequireScope(
  scope: Scope,
  options: Omit<ScopeRequirement, 'scope'> = {},
): ClassDecorator & MethodDecorator {
  const requirement: ScopeRequirement = { scope, ...options };
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return setRequirement(descriptor.value as Handler, requirement, true);
    // class decorators run after method decorators: a handler's own requirement wins
    const proto = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const value = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
      if (name !== 'constructor' && typeof value === 'function')
        setRequirement(value as Handler, requirement, false);
    }
  };
}

export function routeRequirement(
  config: Record<string, unknown> | undefined,
  method: string,
): ScopeRequirement {
  const requirement = config?.[SCOPE_ROUTE_CONFIG] as ScopeRequirement | undefined;
  return requirement ?? { scope: method === 'GET' || method === 'HEAD' ? 'read' : 'admin' };
}
