import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { PredictionLogWriter } from '../../src/prediction-log/writer/prediction-log.writer';
import { createTestDatabase } from './test-database';

export const REPO_ROOT = join(__dirname, '..', '..');
export const DEMO_MODELS = join(REPO_ROOT, 'models');

const subdirs = (dir: string): string[] =>
  readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
/** The demo models' names, and their versions as `name/version`, sorted: tests need not list them by hand. */
export const DEMO_MODEL_NAMES = subdirs(DEMO_MODELS);
export const DEMO_VERSIONS = DEMO_MODEL_NAMES.flatMap((name) =>
  subdirs(join(DEMO_MODELS, name)).map((version) => `${name}/${version}`),
).sort();

export interface TestApp {
  app: NestFastifyApplication;
  databaseUrl: string;
  /** Writes everything buffered so assertions can read the database. */
  flushLogs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Boots the real app (real Postgres, real onnxruntime) on a fresh database, as `npm start` would.
 * `envFor` adds settings that name the database (a read replica's URL).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  envFor: (databaseUrl: string) => Record<string, string> = () => ({}),
): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({
    MODELS_DIR: DEMO_MODELS,
    LOG_LEVEL: 'silent',
    SANITIZE_HMAC_KEY: 'test-hmac-key-0123456789',
    PREDICTION_LOG_FLUSH_INTERVAL_MS: '20',
    ...env,
    ...envFor(db.url),
    DATABASE_URL: db.url,
  });
  const app = await createApp(config);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    databaseUrl: db.url,
    flushLogs: () => app.get(PredictionLogWriter).drain(5000),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** The app on a real socket (127.0.0.1, a free port), for clients that speak HTTP themselves. */
export async function startListeningApp(
  env: Record<string, string> = {},
): Promise<TestApp & { url: string }> {
  const t = await startTestApp(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, url: `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}` };
}
