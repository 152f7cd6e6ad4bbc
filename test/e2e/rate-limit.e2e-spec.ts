import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { ApiKeyService } from '../../src/auth/keys/api-key.service';
import { ApiKeyStore } from '../../src/auth/keys/api-key.store';
import { loadConfig } from '../../src/config/app-config';
import { DEMO_MODELS } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-database';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Replicas of one deployment: the same database, each with its own journal directory. */
async function replicas(count: number, env: Record<string, string>) {
  const db = await createTestDatabase();
  const journal = mkdtempSync(join(tmpdir(), 'sightline-ratelimit-'));
  const apps: NestFastifyApplication[] = [];
  for (let i = 0; i < count; i++) {
    const app = await createApp(
      loadConfig({
        MODELS_DIR: DEMO_MODELS,
        LOG_LEVEL: 'silent',
        SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
        PREDICTION_LOG_JOURNAL_DIR: join(journal, String(i)),
        ...env,
        DATABASE_URL: db.url,
      }),
    );
    await app.getHttpAdapter().getInstance().ready();
    apps.push(app);
  }
  const newKey = async (): Promise<string> => {
    const { key } = await apps[0].get(ApiKeyService).create({ name: 'load', scopes: ['read'] });
    await Promise.all(apps.map((a) => a.get(ApiKeyStore).refresh()));
    return key;
  };
  const close = async () => {
    for (const app of apps) await app.close();
    await db.drop();
    rmSync(journal, { recursive: true, force: true });
  };
  return { apps, newKey, close };
}

const get = (app: NestFastifyApplication, key: string) =>
  app.inject({ method: 'GET', url: '/v1/models', headers: { authorization: `Bearer ${key}` } });

describe('per-key rate limits (e2e)', () => {
  it('gives each key a token bucket in memory: a burst, then 429 with Retry-After', async () => {
    const { apps, newKey, close } = await replicas(1, { RATE_LIMIT_RPS: '0.5', RATE_LIMIT_BURST: '3' });
    try {
      const [a, b] = [await newKey(), await newKey()];
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await get(apps[0], a)).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = await get(apps[0], a);
      expect(['1', '2']).toContain(limited.headers['retry-after']); // one token per 2 s at 0.5 rps
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(limited.json()).toMatchObject({
        type: 'urn:sightline:problem:rate-limited',
        title: 'Too many requests',
        status: 429,
      });
      expect((await get(apps[0], b)).statusCode).toBe(200); // another key, another bucket
      // probes are never limited
      const probe = await apps[0].inject({ method: 'GET', url: '/health/live' });
      expect(probe.statusCode).toBe(200);
    } finally {
      await close();
    }
  });

  it('without Redis, each replica limits on its own', async () => {
    const { apps, newKey, close } = await replicas(2, { RATE_LIMIT_RPS: '0.1', RATE_LIMIT_BURST: '4' });
    try {
      const key = await newKey();
      let ok = 0;
      for (let i = 0; i < 12; i++) if ((await get(apps[i % 2], key)).statusCode === 200) ok++;
      expect(ok).toBe(8);
    } finally {
      await close();
    }
  });

  it('with REDIS_URL, two replicas share one bucket per key', async () => {
    const { apps, newKey, close } = await replicas(2, {
      RATE_LIMIT_RPS: '0.1',
      RATE_LIMIT_BURST: '4',
      REDIS_URL,
    });
    try {
      const key = await newKey();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await get(apps[i % 2], key)).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(4);
      expect(statuses.slice(4)).toEqual(Array(8).fill(429));
      const limited = await get(apps[1], key);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(10);
    } finally {
      await close();
    }
  });

  it('keeps serving, limited per replica, when Redis is unreachable', async () => {
    const { apps, newKey, close } = await replicas(1, {
      RATE_LIMIT_RPS: '0.1',
      RATE_LIMIT_BURST: '2',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    try {
      const key = await newKey();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await get(apps[0], key)).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await close();
      // ioredis gives a never-connected socket 2 s to close after disconnect(); let it, so jest exits cleanly
      await new Promise((r) => setTimeout(r, 2100));
    }
  });
});
