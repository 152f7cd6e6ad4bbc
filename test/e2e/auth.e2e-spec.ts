import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createApp } from '../../src/app.factory';
import { OpenModeRefusedError } from '../../src/auth/keys/api-key.store';
import { loadConfig } from '../../src/config/app-config';
import { ensureBuilt } from '../utils/app-process';
import { DEMO_MODELS, REPO_ROOT, startTestApp, TestApp } from '../utils/test-app';
import { createTestDatabase, queryDb } from '../utils/test-database';
import { LOAN_ROW as row, HOUSE_ROW as house } from '../utils/demo-rows';

interface CreatedKey {
  id: string;
  key: string;
  scopes: string[];
  models: string[] | null;
}

describe('API keys and scopes (e2e)', () => {
  let t: TestApp;
  let admin: CreatedKey;

  const call = (
    method: 'GET' | 'HEAD' | 'POST' | 'DELETE',
    url: string,
    key?: string,
    payload?: object,
    header = 'bearer',
  ) =>
    t.app.inject({
      method,
      url,
      payload,
      headers:
        key === undefined
          ? {}
          : header === 'bearer'
            ? { authorization: `Bearer ${key}` }
            : { 'x-api-key': key },
    });

  const createKey = async (body: object): Promise<CreatedKey> => {
    const res = await call('POST', '/v1/admin/keys', admin?.key, body);
    expect(res.statusCode).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp({ DEFAULT_MODEL: 'loan-risk', AUTH_KEYS_REFRESH_MS: '200' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs open while no key exists, and the first key (made in open mode) closes it', async () => {
    expect((await call('POST', '/predict', undefined, { features: row })).statusCode).toBe(200);
    admin = await createKey({ name: 'ops', scopes: ['admin'] });
    expect(admin.key).toMatch(/^sl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(admin.key.slice(3, 15)).toBe(admin.id);
    expect((await call('POST', '/predict', undefined, { features: row })).statusCode).toBe(401);
  });

  it('answers 401 alike for a missing, malformed, unknown or wrong key, leaking nothing', async () => {
    const forged = `sl_${admin.id}_${'A'.repeat(43)}`; // a real id with the wrong secret
    const answers = await Promise.all(
      [undefined, 'nope', `sl_ffffffffffff_${'B'.repeat(43)}`, forged].map((k) =>
        call('GET', '/v1/models', k),
      ),
    );
    const bodies = answers.map((res) => {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="sightline"');
      const { request_id: _id, ...body } = res.json();
      return body;
    });
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]).toEqual({
      type: 'urn:sightline:problem:unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'A valid API key is required (Authorization: Bearer <key> or X-API-Key)',
      instance: '/v1/models',
    });
    expect(answers.map((a) => a.body).join()).not.toContain(admin.id);
  });

  it('keeps health, readiness, metrics and the docs reachable without a key', async () => {
    for (const url of ['/health/live', '/health/ready', '/metrics', '/docs', '/docs/openapi.json']) {
      expect([url, (await call('GET', url)).statusCode]).toEqual([url, 200]);
    }
  });

  it('checks scopes and the model restriction, by Bearer or X-API-Key', async () => {
    const predictor = await createKey({ name: 'checkout', scopes: ['predict'], models: ['loan-risk'] });
    const reader = await createKey({ name: 'dashboards', scopes: ['read'] });
    const p = predictor.key;
    const named = await call('POST', '/v1/models/loan-risk/predict', p, { features: row }, 'x-api-key');
    expect(named.statusCode).toBe(200);
    expect((await call('POST', '/predict', p, { features: row })).statusCode).toBe(200); // default model
    const other = await call('POST', '/v1/models/house-price/predict', p, { features: house });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      type: 'urn:sightline:problem:forbidden',
      status: 403,
      detail: 'This API key does not allow this operation',
    });
    expect(other.body).not.toMatch(/loan-risk|checkout|scope|"predict"/); // nothing about the key
    expect((await call('GET', '/v1/models', p)).statusCode).toBe(403);
    expect((await call('GET', `/v1/predictions/${named.json().prediction_id}`, p)).statusCode).toBe(403);
    expect((await call('GET', '/v1/admin/keys', p)).statusCode).toBe(403);
    // Fastify's automatic HEAD route carries its GET route's scope: admin, not read
    expect((await call('HEAD', '/v1/admin/keys', reader.key)).statusCode).toBe(403);
    // refused before the body is read: a forbidden call learns nothing from a broken body either
    const broken = await t.app.inject({
      method: 'POST',
      url: '/v1/models/house-price/predict',
      headers: { authorization: `Bearer ${p}`, 'content-type': 'application/json' },
      payload: '{"features": ',
    });
    expect(broken.statusCode).toBe(403);

    expect((await call('GET', '/v1/models', reader.key)).statusCode).toBe(200);
    expect((await call('HEAD', '/v1/models', reader.key)).statusCode).toBe(200);

    // v2 infer needs predict (its route config also carries the protocol's error format) and the model
    for (const url of ['/v2/models/house-price/infer', '/v2/models/house-price/versions/1/infer'])
      expect((await call('POST', url, p, {})).statusCode).toBe(403);
    expect((await call('POST', '/v2/models/loan-risk/infer', reader.key, {})).statusCode).toBe(403);
    // allowed: the scope check passes and the empty body is the protocol's own 400
    for (const url of ['/v2/models/loan-risk/infer', '/v2/models/loan-risk/versions/2/infer'])
      expect((await call('POST', url, p, {})).statusCode).toBe(400);
    expect((await call('GET', `/v1/predictions/${named.json().prediction_id}`, reader.key)).statusCode).toBe(
      200,
    );
    expect(
      (await call('POST', '/v1/models/house-price/predict', reader.key, { features: house })).statusCode,
    ).toBe(403);
  });

  it('lists keys without secrets and stores only their SHA-256', async () => {
    const listed = await call('GET', '/v1/admin/keys', admin.key);
    expect(listed.statusCode).toBe(200);
    const { keys } = listed.json();
    expect(keys.map((k: { name: string }) => k.name)).toEqual(['ops', 'checkout', 'dashboards']);
    expect(Object.keys(keys[0]).sort()).toEqual([
      'created_at',
      'id',
      'models',
      'name',
      'revoked_at',
      'scopes',
    ]);
    expect(listed.body).not.toContain(admin.key);

    const stored = await queryDb<{ id: string; secret_hash: string; all: string }>(
      t.databaseUrl,
      'SELECT id, secret_hash, row_to_json(k)::text AS all FROM api_key k',
    );
    const mine = stored.find((s) => s.id === admin.id)!;
    expect(mine.secret_hash).toBe(createHash('sha256').update(admin.key).digest('hex'));
    expect(stored.map((s) => s.all).join()).not.toContain(admin.key.slice(16));
  });

  it('rejects bad key requests with field errors', async () => {
    const res = await call('POST', '/v1/admin/keys', admin.key, { name: '', scopes: ['root'], models: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['name', 'scopes', 'models']);
    expect((await call('DELETE', '/v1/admin/keys/000000000000', admin.key)).statusCode).toBe(404);
  });

  it('revokes a key at once, and revoking every key does not reopen the service', async () => {
    const temp = await createKey({ name: 'temp', scopes: ['read'] });
    expect((await call('GET', '/v1/models', temp.key)).statusCode).toBe(200);
    const revoked = await call('DELETE', `/v1/admin/keys/${temp.id}`, admin.key);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).toEqual(expect.any(String));
    expect((await call('GET', '/v1/models', temp.key)).statusCode).toBe(401);

    const { keys } = (await call('GET', '/v1/admin/keys', admin.key)).json();
    for (const k of keys as CreatedKey[]) {
      if (k.id !== admin.id) await call('DELETE', `/v1/admin/keys/${k.id}`, admin.key);
    }
    await call('DELETE', `/v1/admin/keys/${admin.id}`, admin.key);
    expect((await call('GET', '/v1/models')).statusCode).toBe(401);
    expect((await call('GET', '/v1/models', admin.key)).statusCode).toBe(401);
  });

  it('manages keys from the CLI (sightline keys, npm run keys), which the running server picks up', async () => {
    await ensureBuilt();
    const keys = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'sightline.js'), 'keys', ...args], {
        env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.databaseUrl },
      });
    const created = JSON.parse(
      (
        await keys(
          'create',
          '--name',
          'cli key',
          '--scopes',
          'predict,read',
          '--models',
          'loan-risk',
          '--json',
        )
      ).stdout,
    );
    expect(created).toMatchObject({ name: 'cli key', scopes: ['predict', 'read'], models: ['loan-risk'] });
    const waitFor = async (status: number) => {
      let last = 0;
      for (let i = 0; i < 50 && last !== status; i++) {
        last = (await call('GET', '/v1/models', created.key)).statusCode;
        if (last !== status) await new Promise((r) => setTimeout(r, 100));
      }
      return last;
    };
    expect(await waitFor(200)).toBe(200); // within AUTH_KEYS_REFRESH_MS
    const listed = JSON.parse((await keys('list', '--json')).stdout);
    expect(listed.find((k: { id: string }) => k.id === created.id)).toMatchObject({ revoked_at: null });
    await keys('revoke', created.id);
    expect(await waitFor(401)).toBe(401);
    await expect(keys('create', '--name', 'x', '--scopes', 'everything')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--scopes: must be a non-empty list of predict, feedback, read, admin'),
    });
  }, 120_000);
});

describe('open mode in production (e2e)', () => {
  it('refuses to start without a key unless AUTH_ALLOW_OPEN=true', async () => {
    const [refused, allowed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const journal = mkdtempSync(join(tmpdir(), 'sightline-auth-'));
    const env = {
      PREDICTION_LOG_JOURNAL_DIR: journal,
      MODELS_DIR: DEMO_MODELS,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
    };
    try {
      await expect(createApp(loadConfig({ ...env, DATABASE_URL: refused.url }))).rejects.toThrow(
        OpenModeRefusedError,
      );
      const app = await createApp(loadConfig({ ...env, DATABASE_URL: allowed.url, AUTH_ALLOW_OPEN: 'true' }));
      await app.getHttpAdapter().getInstance().ready();
      expect((await app.inject({ method: 'GET', url: '/v1/models' })).statusCode).toBe(200);
      await app.close();
    } finally {
      await Promise.all([refused.drop(), allowed.drop()]);
      rmSync(journal, { recursive: true, force: true });
    }
  });
});
