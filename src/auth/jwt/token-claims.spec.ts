import { principalFromClaims } from './token-claims';

const config = { scopesClaim: 'scope', scopeMap: {}, modelsClaim: undefined, nameClaim: 'sub' };

describe(principalFromClaims.name, () => {
  it('takes scopes named like Sightline scopes from a space-separated claim, ignoring the rest', () => {
    const p = principalFromClaims({ sub: 'svc', scope: 'openid predict read profile' }, config);
    expect([...p.scopes].sort()).toEqual(['predict', 'read']);
    expect(p.models).toBeNull();
    expect([p.keyId, p.keyName]).toEqual(['jwt:svc', 'svc']);
  });

  it('maps IdP values through the scope map, from a nested array claim', () => {
    const p = principalFromClaims(
      { sub: 'svc', realm_access: { roles: ['ml-ops', 'predict', 'offline_access'] } },
      {
        ...config,
        scopesClaim: 'realm_access.roles',
        scopeMap: { 'ml-ops': ['admin', 'read'] },
      },
    );
    // with a map, only mapped values count: "predict" alone grants nothing
    expect([...p.scopes].sort()).toEqual(['admin', 'read']);
  });

  it('limits the models to the claim when one is configured, * meaning all, absent meaning none', () => {
    const withModels = { ...config, modelsClaim: 'models' };
    expect([...principalFromClaims({ models: ['a', 'b'] }, withModels).models!]).toEqual(['a', 'b']);
    expect(principalFromClaims({ models: 'a *' }, withModels).models).toBeNull();
    expect([...principalFromClaims({}, withModels).models!]).toEqual([]);
    expect(principalFromClaims({ models: { a: 1 } }, withModels).models).toEqual(new Set());
  });

  it('scrubs the name for logs, and never reads inherited properties as claims', () => {
    expect(principalFromClaims({ sub: 'jane@example.com' }, config).keyName).toBe('[email]');
    expect(principalFromClaims({ sub: 'a\nforged line' }, config).keyName).toBe('a forged line');
    expect(principalFromClaims({}, { ...config, nameClaim: 'constructor' }).keyName).toBe('unnamed');
    expect(principalFromClaims({}, { ...config, scopesClaim: 'toString' }).scopes.size).toBe(0);
  });
});
