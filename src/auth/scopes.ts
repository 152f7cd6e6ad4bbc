import { SetMetadata } from '@nestjs/common';

export const SCOPES = ['predict', 'feedback', 'read', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export interface ScopeRequirement {
  scope: Scope;
  /**
   * Which model the route acts on, for keys restricted to some models: `param` (the default)
   * reads the route's `name`/`model`/`model_name` parameter, `default` means DEFAULT_MODEL.
   */
  model?: 'param' | 'default';
}

export const SCOPE_METADATA = 'sightline:scope';

/**
 * The scope a route needs. Routes without it need `read` for GET/HEAD and `admin` otherwise,
 * so a new write endpoint is locked down until someone decides who may call it.
 */
export const RequireScope = (scope: Scope, options: Omit<ScopeRequirement, 'scope'> = {}) =>
  SetMetadata(SCOPE_METADATA, { scope, ...options } satisfies ScopeRequirement);
