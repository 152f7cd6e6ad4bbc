import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JwtConfig } from '../../config/jwt-config';
import { Principal } from '../principal';
import { principalFromClaims } from './token-claims';

/** Why a token was refused: for the operator (a metric label), never for the caller (always 401). */
export type TokenRejection =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'unknown_key'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'claims'
  | 'jwks_unavailable';

export type TokenVerdict = { principal: Principal } | { rejected: TokenRejection };

const JWT = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

/** Three base64url segments: a bearer value that can only be a token, never a Sightline key. */
export function looksLikeJwt(value: string): boolean {
  return JWT.test(value);
}

function rejection(err: unknown): TokenRejection {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return 'not_yet_valid';
    if (err.claim === 'iss') return 'issuer';
    if (err.claim === 'aud') return 'audience';
    return 'claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'algorithm';
  if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys)
    return 'unknown_key';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'jwks_unavailable';
  if (
    err instanceof errors.JWSInvalid ||
    err instanceof errors.JWTInvalid ||
    err instanceof errors.JWKInvalid
  )
    return 'malformed';
  // a JWKS endpoint that cannot be reached or answers garbage
  return 'jwks_unavailable';
}

/**
 * Verifies `Authorization: Bearer <JWT>` against the issuer's JWKS: signature (the configured
 * asymmetric algorithms only), issuer, audience, expiry and not-before with clock-skew tolerance.
 * Keys are cached and fetched again on an unknown `kid` (at most every AUTH_JWT_JWKS_COOLDOWN_MS)
 * and after AUTH_JWT_JWKS_CACHE_SECONDS. It never throws: every failure is a rejection.
 */
@Injectable()
export class JwtVerifier {
  private readonly config: JwtConfig | undefined;
  private readonly keys: JWTVerifyGetKey | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.config = config.auth.jwt;
    if (this.config) {
      this.keys = createRemoteJWKSet(new URL(this.config.jwksUrl), {
        cooldownDuration: this.config.jwksCooldownMs,
        cacheMaxAge: this.config.jwksCacheMaxAgeMs,
        timeoutDuration: 5000,
      });
    }
  }

  get enabled(): boolean {
    return this.config !== undefined;
  }

  async verify(token: string): Promise<TokenVerdict> {
    const config = this.config;
    if (!config || !this.keys) return { rejected: 'malformed' };
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: config.algorithms,
        clockTolerance: config.clockToleranceSeconds,
        requiredClaims: ['exp'],
      });
      return { principal: principalFromClaims(payload, config) };
    } catch (err) {
      return { rejected: rejection(err) };
    }
  }
}
