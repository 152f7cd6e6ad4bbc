import 'reflect-metadata';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { RequireScope, routeRequirement, SCOPE_ROUTE_CONFIG } from './scopes';

@RequireScope('read')
class Routes {
  list(): void {}

  @RequireScope('predict', { model: 'default' })
  predict(): void {}

  @RequireScope('predict')
  @RouteConfig({ protocol: 'v2' })
  infer(): void {}
}

const config = (fn: () => void): Record<string, unknown> =>
  Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, fn) as Record<string, unknown>;

describe('RequireScope', () => {
  it('puts a handler its controller requirement unless it has its own', () => {
    expect(config(Routes.prototype.list)[SCOPE_ROUTE_CONFIG]).toEqual({ scope: 'read' });
    expect(config(Routes.prototype.predict)[SCOPE_ROUTE_CONFIG]).toEqual({
      scope: 'predict',
      model: 'default',
    });
  });

  it('keeps route config set by other decorators', () => {
    expect(config(Routes.prototype.infer)).toEqual({
      protocol: 'v2',
      [SCOPE_ROUTE_CONFIG]: { scope: 'predict' },
    });
  });

  it('locks routes without a requirement down: read for GET and HEAD, admin for the rest', () => {
    expect(routeRequirement({}, 'GET')).toEqual({ scope: 'read' });
    expect(routeRequirement(undefined, 'HEAD')).toEqual({ scope: 'read' });
    expect(routeRequirement({}, 'POST')).toEqual({ scope: 'admin' });
    expect(routeRequirement({ [SCOPE_ROUTE_CONFIG]: { scope: 'feedback' } }, 'POST')).toEqual({
      scope: 'feedback',
    });
  });
});
