import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { unauthorized } from './auth.hook';
import { isPublicRoute } from './public-routes';
import { SCOPE_METADATA, ScopeRequirement } from './scopes';
import './principal';

const MODEL_PARAMS = ['name', 'model', 'model_name'];

/** Checks the scope (and model restriction) a route needs against the key AuthHook attached. */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ModelRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (isPublicRoute(req.routeOptions?.url)) return true;
    const principal = req.principal;
    if (!principal) throw unauthorized();
    const requirement = this.reflector.getAllAndOverride<ScopeRequirement | undefined>(SCOPE_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]) ?? { scope: req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'admin' };
    if (!principal.scopes.has(requirement.scope)) throw forbidden();
    if (principal.models) {
      const model = requirement.model === 'default' ? this.registry.defaultModelName() : modelParam(req);
      if (model !== undefined && !principal.models.has(model)) throw forbidden();
    }
    return true;
  }
}

function modelParam(req: FastifyRequest): string | undefined {
  const params = (req.params ?? {}) as Record<string, unknown>;
  for (const name of MODEL_PARAMS) {
    if (typeof params[name] === 'string') return params[name];
  }
  return undefined;
}

/** Says neither which scope the key has nor which models it may use. */
function forbidden(): DomainError {
  return new DomainError('forbidden', 'This API key does not allow this operation');
}
