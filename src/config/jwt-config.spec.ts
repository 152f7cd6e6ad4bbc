import { ConfigError } from './app-config';
import { jwtConfig } from './jwt-config';

const base = {
  AUTH_JWT_ISSUER: 'https://idp.example.test',
  AUTH_JWT_AUDIENCE: 'sightline',
  AUTH_JWT_JWKS_URL: 'https://idp.example.test/jwks.json',
};

describe(jwtConfig.name, () => {
  it('is off without an issuer, and refuses half a configuration', () => {
    expect(jwtConfig({})).toBeUndefined();
    expect(() => jwtConfig({ AUTH_JWT_AUDIENCE: 'x' })).toThrow(
      /AUTH_JWT_AUDIENCE is set but AUTH_JWT_ISSUER/,
    );
    expect(() => jwtConfig({ ...base, AUTH_JWT_AUDIENCE: '' })).toThrow(/AUTH_JWT_AUDIENCE is required/);
    expect(() => jwtConfig({ ...base, AUTH_JWT_JWKS_URL: 'file:///etc/keys' })).toThrow(ConfigError);
  });

  it('has defaults a standard IdP fits', () => {
    expect(jwtConfig(base)).toEqual({
      issuer: base.AUTH_JWT_ISSUER,
      audience: ['sightline'],
      jwksUrl: base.AUTH_JWT_JWKS_URL,
      algorithms: ['RS256', 'ES256'],
      scopesClaim: 'scope',
      scopeMap: {},
      modelsClaim: undefined,
      nameClaim: 'sub',
      clockToleranceSeconds: 30,
      jwksCooldownMs: 30_000,
      jwksCacheMaxAgeMs: 600_000,
    });
  });

  it('refuses symmetric and unsigned algorithms', () => {
    for (const alg of ['HS256', 'none', 'RS256,HS512'])
      expect(() => jwtConfig({ ...base, AUTH_JWT_ALGORITHMS: alg })).toThrow(/AUTH_JWT_ALGORITHMS must list/);
  });

  it('reads the scope map, several scopes for one value', () => {
    const config = jwtConfig({ ...base, AUTH_JWT_SCOPE_MAP: 'sightline:predict=predict,ops=admin,ops=read' });
    expect(config!.scopeMap).toEqual({ 'sightline:predict': ['predict'], ops: ['admin', 'read'] });
    expect(() => jwtConfig({ ...base, AUTH_JWT_SCOPE_MAP: 'ops=root' })).toThrow(/AUTH_JWT_SCOPE_MAP/);
    expect(() => jwtConfig({ ...base, AUTH_JWT_NAME_CLAIM: 'a b' })).toThrow(/AUTH_JWT_NAME_CLAIM/);
  });
});
