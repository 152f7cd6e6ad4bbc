import { exportSPKI, SignJWT } from 'jose';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, startAppProcess } from '../utils/app-process';
import { HOUSE_ROW, LOAN_ROW } from '../utils/demo-rows';
import { JwksServer, sign, SigningKey, signingKey } from '../utils/jwks-server';
import { DEMO_MODEL_NAMES, startTestApp, TestApp } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-database';

const ISSUER = 'https://idp.example.test/realms/ml';
const AUDIENCE = 'sightline';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** The environment of a Sightline that trusts the test issuer. */
function jwtEnv(jwks: JwksServer): Record<string, string> {
  return {
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
    AUTH_JWT_JWKS_URL: jwks.url,
    AUTH_JWT_SCOPE_MAP: 'ml:predict=predict,ml:read=read,ml:label=feedback,ml:ops=admin',
    AUTH_JWT_MODELS_CLAIM: 'sightline.models',
    AUTH_JWT_NAME_CLAIM: 'azp',
    AUTH_JWT_CLOCK_TOLERANCE_SECONDS: '30',
    AUTH_JWT_JWKS_COOLDOWN_MS: '0',
  };
}

describe('OIDC / JWT bearer tokens (e2e)', () => {
  const jwks = new JwksServer();
  let t: TestApp;
  let rsa: SigningKey;
  let ec: SigningKey;
  const good = {
    iss: ISSUER,
    aud: AUDIENCE,
    azp: 'checkout-svc',
    sub: 'svc-1',
    scope: 'ml:predict ml:read',
    sightline: { models: '*' },
  };

  const call = (token: string, method: 'GET' | 'POST' = 'GET', url = '/v1/models', payload?: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
  const metric = async (line: RegExp): Promise<number> => {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const found = text.split('\n').find((l) => line.test(l));
    return found ? Number(found.split(' ').pop()) : 0;
  };

  beforeAll(async () => {
    [rsa, ec] = await Promise.all([signingKey('rsa-1', 'RS256'), signingKey('ec-1', 'ES256')]);
    jwks.published = [rsa, ec];
    await jwks.start();
    t = await startTestApp(jwtEnv(jwks));
  });
  afterAll(async () => {
    await t?.close();
    await jwks.stop();
  });

  it('is not open without API keys, and accepts RS256 and ES256 tokens from the issuer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/models' })).statusCode).toBe(401);
    for (const key of [rsa, ec]) {
      const res = await call(await sign(key, good));
      expect([key.alg, res.statusCode]).toEqual([key.alg, 200]);
    }
    const predicted = await call(await sign(ec, good), 'POST', '/v1/models/loan-risk/predict', {
      features: LOAN_ROW,
    });
    expect(predicted.statusCode).toBe(200);
    expect(
      await metric(/^sightline_auth_requests_total\{method="jwt",outcome="allowed",caller="checkout-svc"\}/),
    ).toBeGreaterThanOrEqual(3);
  });

  it('answers 401, alike and never 500, for every bad token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stranger = await signingKey('rsa-1', 'RS256'); // the published kid, another key
    const pem = await exportSPKI(createPublicKey({ key: rsa.publicJwk as never, format: 'jwk' }));
    const hs256 = await new SignJWT(good)
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    const valid = await sign(rsa, good);
    const [header, payload] = valid.split('.');
    const bad: Record<string, string> = {
      expired: await sign(rsa, { ...good, exp: now - 120 }),
      'not yet valid': await sign(rsa, { ...good, nbf: now + 120 }),
      'wrong audience': await sign(rsa, { ...good, aud: 'someone-else' }),
      'wrong issuer': await sign(rsa, { ...good, iss: 'https://evil.example.test' }),
      'no expiry': await sign(rsa, { ...good, exp: undefined }),
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'alg none, signed': `${b64({ alg: 'none', kid: rsa.kid })}.${valid.split('.').slice(1).join('.')}`,
      'HS256 with the public key': hs256,
      'another key under a known kid': await sign(stranger, good),
      'unknown kid': await sign(await signingKey('nobody', 'ES256'), good),
      'tampered payload': `${header}.${b64({ ...good, scope: 'ml:predict ml:read admin' })}.${valid.split('.')[2]}`,
      'header not JSON': `${Buffer.from('{nope').toString('base64url')}.${payload}.${valid.split('.')[2]}`,
      'not base64': `${header}.!!!.${valid.split('.')[2]}`,
    };
    const answers: Record<string, number> = {};
    const bodies = new Set<string>();
    for (const [name, token] of Object.entries(bad)) {
      const res = await call(token);
      answers[name] = res.statusCode;
      const { request_id: _r, ...body } = res.json();
      bodies.add(JSON.stringify(body));
      expect(res.headers['www-authenticate']).toBe('Bearer realm="sightline"');
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(bad).map((k) => [k, 401])));
    expect([...bodies]).toEqual([
      JSON.stringify({
        type: 'urn:sightline:problem:unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail:
          'A valid API key or access token is required (Authorization: Bearer <key or token> or X-API-Key)',
        instance: '/v1/models',
      }),
    ]);
    const rejected = (reason: string) =>
      metric(new RegExp(`^sightline_auth_token_rejections_total\\{reason="${reason}"\\}`));
    expect(await rejected('expired')).toBe(1);
    expect(await rejected('not_yet_valid')).toBe(1);
    expect(await rejected('audience')).toBe(1);
    expect(await rejected('issuer')).toBe(1);
    expect(await rejected('algorithm')).toBeGreaterThanOrEqual(3);
    expect(await rejected('signature')).toBeGreaterThanOrEqual(2);
    expect(await rejected('unknown_key')).toBe(1);
  });

  it('tolerates clock skew up to AUTH_JWT_CLOCK_TOLERANCE_SECONDS', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await call(await sign(rsa, { ...good, exp: now - 10 }))).statusCode).toBe(200);
    expect((await call(await sign(rsa, { ...good, nbf: now + 10, iat: now + 10 }))).statusCode).toBe(200);
  });

  it('follows a key rotation: an unknown kid fetches the JWKS again, a retired key stops working', async () => {
    const before = jwks.fetches;
    const next = await signingKey('rsa-2', 'RS256');
    const old = await sign(rsa, good);
    jwks.published = [next, ec];
    expect((await call(await sign(next, good))).statusCode).toBe(200);
    expect(jwks.fetches).toBeGreaterThan(before);
    expect((await call(old)).statusCode).toBe(401);
    jwks.published = [rsa, ec];
  });

  it('maps the scope claim to scopes, and keeps a token to the models of its claim', async () => {
    const reader = await sign(rsa, { ...good, scope: 'ml:read openid' });
    expect(
      (await call(reader, 'POST', '/v1/models/loan-risk/predict', { features: LOAN_ROW })).statusCode,
    ).toBe(403);
    const loans = await sign(rsa, {
      ...good,
      scope: 'ml:predict ml:read',
      sightline: { models: ['loan-risk'] },
    });
    const everything = await sign(rsa, good);
    expect(
      (await call(loans, 'POST', '/v1/models/house-price/predict', { features: HOUSE_ROW })).statusCode,
    ).toBe(403);
    const house = await call(everything, 'POST', '/v1/models/house-price/predict', { features: HOUSE_ROW });
    await t.flushLogs();
    expect((await call(loans, 'GET', `/v1/predictions/${house.json().prediction_id}`)).statusCode).toBe(404);
    expect((await call(loans)).json().models.map((m: { name: string }) => m.name)).toEqual(['loan-risk']);
    // a configured models claim that is absent allows no model; "*" allows all
    const { sightline: _s, ...withoutModels } = good;
    const bare = await sign(rsa, { ...withoutModels, azp: 'bare' });
    expect((await call(bare)).json().models).toEqual([]);
    expect((await call(everything)).json().models).toHaveLength(DEMO_MODEL_NAMES.length);
  });

  it('still takes API keys beside tokens', async () => {
    const reader = await sign(rsa, { ...good, scope: 'ml:predict' });
    expect((await call(reader, 'POST', '/v1/admin/keys', { name: 'x', scopes: ['read'] })).statusCode).toBe(
      403,
    );
    const ops = await sign(rsa, { ...good, scope: 'ml:ops' });
    const created = await call(ops, 'POST', '/v1/admin/keys', { name: 'dashboards', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/models',
      headers: { 'x-api-key': created.json().key },
    });
    expect(res.statusCode).toBe(200);
    expect(
      await metric(
        /^sightline_auth_requests_total\{method="api_key",outcome="allowed",caller="dashboards"\}/,
      ),
    ).toBe(1);
  });

  /** The built server as its own process (real fetches to the JWKS, its log on stdout). */
  async function withProcess(env: Record<string, string>, work: (app: AppProcess) => Promise<void>) {
    const db = await createTestDatabase();
    const journal = mkdtempSync(join(tmpdir(), 'sightline-jwt-'));
    const app = await startAppProcess({
      ...jwtEnv(jwks),
      ...env,
      DATABASE_URL: db.url,
      PREDICTION_LOG_JOURNAL_DIR: journal,
      LOG_LEVEL: 'info',
    });
    try {
      await work(app);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
      await db.drop();
      rmSync(journal, { recursive: true, force: true });
    }
  }

  it('answers 401, not 500, when the JWKS endpoint is down', async () => {
    const down = new JwksServer();
    await down.start();
    const url = down.url;
    await down.stop();
    await withProcess({ AUTH_JWT_JWKS_URL: url }, async (app) => {
      const res = await fetch(`${app.baseUrl}/v1/models`, {
        headers: { authorization: `Bearer ${await sign(rsa, good)}` },
      });
      expect(res.status).toBe(401);
      const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
      expect(metrics).toMatch(/^sightline_auth_token_rejections_total\{reason="jwks_unavailable"\} 1$/m);
    });
  }, 60_000);

  it("names the caller from the token's name claim in the request log line", async () => {
    await withProcess({}, async (app) => {
      const token = await sign(ec, { ...good, azp: 'fraud-scorer', sub: 'jane@example.com' });
      const res = await fetch(`${app.baseUrl}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const emailed = await sign(ec, { ...good, azp: 'jane@example.com' });
      await fetch(`${app.baseUrl}/v1/models`, { headers: { authorization: `Bearer ${emailed}` } });
      await new Promise((r) => setTimeout(r, 200));
      const lines = app
        .output()
        .split('\n')
        .filter((l) => l.includes('"request completed"') && l.includes('/v1/models'))
        .map((l) => JSON.parse(l) as { caller?: string });
      expect(lines.map((l) => l.caller)).toEqual(['fraud-scorer', '[email]']);
      expect(app.output()).not.toContain('jane@example.com');
    });
  }, 60_000);
});
