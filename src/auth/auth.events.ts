import { Injectable } from '@nestjs/common';
import type { TokenRejection } from './jwt/jwt-verifier';

/** How the caller was identified: an API key, a JWT, or nothing needed (open mode). */
export type AuthMethod = 'api_key' | 'jwt' | 'open';
export type AuthOutcome = 'allowed' | 'unauthorized' | 'forbidden' | 'rate_limited';

/**
 * What authentication reports about each decision. The default does nothing; the telemetry module
 * binds the Prometheus implementation.
 */
@Injectable()
export class AuthEvents {
  /** `caller` is the key's name or the token's name claim; null when nobody was identified. */
  decided(_method: AuthMethod, _outcome: AuthOutcome, _caller: string | null): void {}
  tokenRejected(_reason: TokenRejection): void {}
}
