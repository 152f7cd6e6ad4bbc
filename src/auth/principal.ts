import { Scope } from '../common/http/scopes';

/** Who is calling: an API key, a verified JWT, or everyone when no key exists (open mode). */
export interface Principal {
  keyId: string | null;
  /** The key's name, for audit rows and per-caller metrics; null in open mode. */
  keyName: string | null;
  scopes: ReadonlySet<Scope>;
  /** null: every model. */
  models: ReadonlySet<string> | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}
