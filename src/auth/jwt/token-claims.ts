import type { JWTPayload } from 'jose';
import { isScope, Scope } from '../../common/http/scopes';
import { scrubBounded } from '../../common/sanitize/text';
import { JwtConfig } from '../../config/jwt-config';
import { Principal } from '../principal';

type ClaimsConfig = Pick<JwtConfig, 'scopesClaim' | 'scopeMap' | 'modelsClaim' | 'nameClaim'>;

/** A claim by dotted path (`realm_access.roles`), as IdPs nest them. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, part)
      ? (value as Record<string, unknown>)[part]
      : undefined;
  }
  return value;
}

/** A space-separated string (OAuth 2.0 `scope`) or an array of strings; anything else is empty. */
function words(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function scopesOf(payload: JWTPayload, config: ClaimsConfig): Set<Scope> {
  const granted = new Set<Scope>();
  const mapped = Object.keys(config.scopeMap).length > 0;
  for (const value of words(claimAt(payload, config.scopesClaim))) {
    const scopes = mapped ? (config.scopeMap[value] ?? []) : [value];
    for (const scope of scopes) if (isScope(scope)) granted.add(scope);
  }
  return granted;
}

/** With a models claim configured, a token without it may use no model; `*` means every model. */
function modelsOf(payload: JWTPayload, config: ClaimsConfig): Set<string> | null {
  if (config.modelsClaim === undefined) return null;
  const models = words(claimAt(payload, config.modelsClaim));
  return models.includes('*') ? null : new Set(models);
}

/**
 * The principal a verified token stands for. Its name (from AUTH_JWT_NAME_CLAIM) goes to logs and
 * metrics, so it is scrubbed like any logged text: an e-mail subject shows as [email].
 */
export function principalFromClaims(payload: JWTPayload, config: ClaimsConfig): Principal {
  const raw = claimAt(payload, config.nameClaim);
  const name = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : 'unnamed';
  return {
    // the rate-limit bucket: one per caller, whatever its name looks like in the logs
    keyId: `jwt:${name.slice(0, 256)}`,
    keyName: scrubBounded(name, 128),
    scopes: scopesOf(payload, config),
    models: modelsOf(payload, config),
  };
}
