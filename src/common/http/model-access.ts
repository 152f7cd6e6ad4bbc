import type { FastifyRequest } from 'fastify';

/**
 * Which models the caller may see and act on. The auth hook sets it on every request it lets
 * through; services apply it wherever a model is not named in the URL (a prediction id, a list).
 */
export class ModelAccess {
  static readonly ALL = new ModelAccess(null);
  static readonly NONE = new ModelAccess(new Set());

  /** `models` null: every model. */
  constructor(private readonly models: ReadonlySet<string> | null) {}

  get restricted(): boolean {
    return this.models !== null;
  }

  allows(model: string): boolean {
    return this.models === null || this.models.has(model);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    modelAccess?: ModelAccess;
  }
}

/** The request's model access; a request the auth hook never saw may see no model at all. */
export function modelAccessOf(req: FastifyRequest): ModelAccess {
  return req.modelAccess ?? ModelAccess.NONE;
}
