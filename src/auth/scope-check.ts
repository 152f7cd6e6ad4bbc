import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { Principal } from './principal';
import { routeRequirement } from '../common/http/scopes';

const MODEL_PARAMS = ['name', 'model', 'model_name'];

/** The scope (and model restriction) a matched route needs, checked against the caller's key. */
@Injectable()
export class ScopeCheck {
  constructor(private readonly registry: ModelRegistry) {}

  /** The error to answer with, or undefined when the key may call the route. */
  check(req: FastifyRequest, principal: Principal): DomainError | undefined {
    // an unmatched route is a 404 for whoever asks
    if (req.routeOptions.url === undefined) return undefined;
    const requirement = routeRequirement(
      req.routeOptions.config as unknown as Record<string, unknown>,
      req.method,
    );
    if (!principal.scopes.has(requirement.scope)) return forbidden();
    if (principal.models) {
      if (requirement.model === 'all') return forbidden();
      const model = requirement.model === 'default' ? this.registry.defaultModelName() : modelParam(req);
      if (model !== undefined && !principal.models.has(model)) return forbidden();
    }
    return undefined;
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
