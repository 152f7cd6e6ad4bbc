import { ConfigError, Env, int } from './app-config';

/** Signature algorithms a token may use: asymmetric only, so a public key can never be an HMAC secret. */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

const SCOPES = ['predict', 'feedback', 'read', 'admin'];

/** OIDC / JWT bearer tokens (docs/security.md), beside API keys; absent without AUTH_JWT_ISSUER. */
export interface JwtConfig {
  issuer: string;
  audience: string[];
  jwksUrl: string;
  algorithms: string[];
  /** Dotted path of the claim holding the token's scopes (a space-separated string or an array). */
  scopesClaim: string;
  /** The claim's values that grant each Sightline scope; empty: a value equal to a scope grants it. */
  scopeMap: Record<string, string[]>;
  /** Dotted path of the claim listing the token's models; undefined: every model. */
  modelsClaim: string | undefined;
  /** Dotted path of the claim that names the caller in logs and metrics. */
  nameClaim: string;
  clockToleranceSeconds: number;
  /** After a JWKS fetch, an unknown `kid` fetches again at most this often. */
  jwksCooldownMs: number;
  /** Keys are fetched again after this long even when every `kid` is known. */
  jwksCacheMaxAgeMs: number;
}

const CLAIM_PATH = /^[A-Za-z_][A-Za-z0-9_:-]*(\.[A-Za-z_][A-Za-z0-9_:-]*)*$/;

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function url(env: Env, name: string): string {
  const raw = env[name] ?? '';
  try {
    const parsed = new URL(raw);
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
}

function claim(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!CLAIM_PATH.test(raw))
    throw new ConfigError(`${name} must be a claim name or dotted path, got "${raw}"`);
  return raw;
}

/** `idp-value=scope` pairs, e.g. `sightline:predict=predict,ml-ops=admin,ml-ops=read`. */
function scopeMap(raw: string | undefined): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const entry of list(raw ?? '')) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const scope = entry.slice(at + 1).trim();
    if (at <= 0 || !SCOPES.includes(scope)) {
      throw new ConfigError(
        `AUTH_JWT_SCOPE_MAP entries look like "claim-value=${SCOPES.join('|')}", got "${entry}"`,
      );
    }
    (map[value] ??= []).push(scope);
  }
  return map;
}

export function jwtConfig(env: Env): JwtConfig | undefined {
  const issuer = env.AUTH_JWT_ISSUER;
  if (!issuer) {
    const stray = Object.keys(env).find((k) => k.startsWith('AUTH_JWT_') && env[k]);
    if (stray) throw new ConfigError(`${stray} is set but AUTH_JWT_ISSUER is not: set the issuer too`);
    return undefined;
  }
  const audience = list(env.AUTH_JWT_AUDIENCE ?? '');
  if (audience.length === 0) {
    throw new ConfigError(
      'AUTH_JWT_AUDIENCE is required with AUTH_JWT_ISSUER (the audience tokens must name)',
    );
  }
  const algorithms = list(env.AUTH_JWT_ALGORITHMS || 'RS256,ES256');
  const bad = algorithms.find((a) => !(JWT_ALGORITHMS as readonly string[]).includes(a));
  if (bad !== undefined || algorithms.length === 0) {
    throw new ConfigError(`AUTH_JWT_ALGORITHMS must list some of ${JWT_ALGORITHMS.join(', ')}, got "${bad}"`);
  }
  return {
    issuer,
    audience,
    jwksUrl: url(env, 'AUTH_JWT_JWKS_URL'),
    algorithms,
    scopesClaim: claim(env, 'AUTH_JWT_SCOPES_CLAIM', 'scope'),
    scopeMap: scopeMap(env.AUTH_JWT_SCOPE_MAP),
    modelsClaim: env.AUTH_JWT_MODELS_CLAIM ? claim(env, 'AUTH_JWT_MODELS_CLAIM', '') : undefined,
    nameClaim: claim(env, 'AUTH_JWT_NAME_CLAIM', 'sub'),
    clockToleranceSeconds: int(env, 'AUTH_JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 600),
    jwksCooldownMs: int(env, 'AUTH_JWT_JWKS_COOLDOWN_MS', 30_000, 0, 3_600_000),
    jwksCacheMaxAgeMs: int(env, 'AUTH_JWT_JWKS_CACHE_SECONDS', 600, 1, 86_400) * 1000,
  };
}
