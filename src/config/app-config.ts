import { randomBytes } from 'node:crypto';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting Sightline reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: string;
  host: string;
  port: number;
  modelsDir: string;
  defaultModel: string | undefined;
  databaseUrl: string;
  migrationsRun: boolean;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  maxBatchSize: number;
  predictionLog: {
    bufferMax: number;
    flushIntervalMs: number;
    batchSize: number;
  };
  sanitize: {
    hmacKey: string;
    hmacKeyGenerated: boolean;
    fields: Record<string, 'drop' | 'mask' | 'hash'>;
  };
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function sanitizeFields(raw: string | undefined): Record<string, 'drop' | 'mask' | 'hash'> {
  const fields: Record<string, 'drop' | 'mask' | 'hash'> = {};
  if (!raw) return fields;
  for (const entry of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, action] = entry.split(':').map((s) => s.trim());
    if (!name || (action !== 'drop' && action !== 'mask' && action !== 'hash')) {
      throw new ConfigError(`SANITIZE_FIELDS entries look like "name:drop|mask|hash", got "${entry}"`);
    }
    fields[name] = action;
  }
  return fields;
}

function databaseUrl(env: Env): string {
  const raw = env.DATABASE_URL;
  if (!raw) {
    throw new ConfigError(
      'DATABASE_URL is not set (npm start sets it to an embedded Postgres when it is absent)',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  return raw;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const hmacKey = env.SANITIZE_HMAC_KEY;
  if (!hmacKey && nodeEnv === 'production') {
    throw new ConfigError('SANITIZE_HMAC_KEY is required when NODE_ENV=production');
  }
  if (hmacKey !== undefined && hmacKey.length > 0 && hmacKey.length < 16) {
    throw new ConfigError('SANITIZE_HMAC_KEY must be at least 16 characters');
  }
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port: int(env, 'PORT', 3000, 0, 65535),
    modelsDir: env.MODELS_DIR || './models',
    defaultModel: env.DEFAULT_MODEL || undefined,
    databaseUrl: databaseUrl(env),
    migrationsRun: bool(env, 'DB_MIGRATIONS_RUN', true),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxBatchSize: int(env, 'MAX_BATCH_SIZE', 1000, 1, 100000),
    predictionLog: {
      bufferMax: int(env, 'PREDICTION_LOG_BUFFER_MAX', 100000, 100, 10_000_000),
      flushIntervalMs: int(env, 'PREDICTION_LOG_FLUSH_INTERVAL_MS', 200, 1, 60000),
      batchSize: int(env, 'PREDICTION_LOG_BATCH_SIZE', 1000, 1, 50000),
    },
    sanitize: {
      // a random development key keeps hashes unguessable, at the cost of joins across restarts
      hmacKey: hmacKey || randomBytes(32).toString('hex'),
      hmacKeyGenerated: !hmacKey,
      fields: sanitizeFields(env.SANITIZE_FIELDS),
    },
  };
}
