import { Scope } from '../common/http/scopes';

/** Who is calling: an API key, or everyone when no key exists (open mode). */
export interface Principal {
  keyId: string | null;
  scopes: ReadonlySet<Scope>;
  /** null: every model. */
  models: ReadonlySet<string> | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
