import { randomBytes } from 'node:crypto';
import { JwtConfig, jwtConfig } from './jwt-config';
import { ReadReplicaConfig, readReplicaConfig } from './read-replica-config';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every setting Sightline reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: string;
  host: string;
  port: number;
  modelsDir: string;
  defaultModel: string | undefined;
  databaseUrl: string;
  /** Monitoring reads go here when set (DATABASE_READ_URL); writes always go to databaseUrl. */
  readReplica: ReadReplicaConfig | undefined;
  migrationsRun: boolean;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  maxBatchSize: number;
  /** Dynamic batching defaults; a manifest's `batching` block overrides them per model. */
  batching: {
    /** Most rows in one session run; 1 turns dynamic batching off. */
    maxBatchSize: number;
    /** Under load, how long a batch waits for more rows; a request finding the queue idle never waits. */
    maxDelayMs: number;
  };
  /** FAST_ASYNC_RESOURCE_BIND=false keeps Node's own AsyncResource.prototype.bind (src/common/perf). */
  fastAsyncResourceBind: boolean;
  /** METRICS_ENABLED=false: every metric port is a no-op (the bench's "observability off" run). */
  metrics: { enabled: boolean };
  predictionLog: {
    /** PREDICTION_LOG_ENABLED=false: no record is built or written (the bench's "observability off" run). */
    enabled: boolean;
    bufferMax: number;
    flushIntervalMs: number;
    batchSize: number;
    /** Batches written at once: Postgres works on one while the next is sent and committed. */
    writeConcurrency: number;
    /**
     * Every record is journaled before its response (crash-safe). false: records reach the journal
     * only once Postgres fails or memory fills up, and a crash loses what memory held (benchmarks).
     */
    writeAhead: boolean;
    /** The write-ahead journal: every record until Postgres has it (docs/prediction-log.md). */
    journal: {
      dir: string;
      maxBytes: number;
      segmentBytes: number;
      fsync: 'always' | 'interval' | 'off';
      fsyncIntervalMs: number;
    };
  };
  auth: {
    /** NODE_ENV=production refuses to start without an API key unless this is set. */
    allowOpen: boolean;
    /** How often each replica reloads the key table (revocations elsewhere take this long). */
    keysRefreshMs: number;
    /** OIDC / JWT bearer tokens beside API keys; undefined without AUTH_JWT_ISSUER. */
    jwt: JwtConfig | undefined;
  };
  rateLimit: {
    /** Tokens per second per key; 0 turns rate limiting off. */
    rps: number;
    burst: number;
    redisUrl: string | undefined;
  };
  limits: {
    maxJsonDepth: number;
    maxStringLength: number;
    maxHeaderBytes: number;
    maxParamLength: number;
    requestTimeoutMs: number;
    shutdownTimeoutMs: number;
  };
  sanitize: {
    hmacKey: string;
    hmacKeyGenerated: boolean;
    fields: Record<string, 'drop' | 'mask' | 'hash'>;
  };
  feedback: {
    maxBulkItems: number;
    bulkBodyLimitBytes: number;
  };
  /** The Open Inference Protocol (v2) endpoints. */
  inferenceProtocol: {
    /** Body limit of POST /v2/.../infer, JSON or binary (a 1M-element FP32 tensor is 4 MiB binary). */
    maxBodyBytes: number;
    /** Tensors up to this many elements are logged whole; larger ones as datatype, shape and statistics. */
    logMaxElements: number;
  };
  performance: {
    /** Window durations such as "1h", "24h", "7d"; each is a `window` label on the gauges. */
    windows: string[];
    /** 0 turns the scheduled job off (tests); GET .../performance still computes on demand. */
    intervalSeconds: number;
    /** Fewer labelled predictions than this in a window: its figures are `insufficient_data`. */
    minSample: number;
  };
  /** Drift monitoring (docs/drift.md). */
  drift: {
    scheduleEnabled: boolean;
    /** How often the scheduler runs drift for every model version with a reference. */
    intervalSeconds: number;
    /** The window each scheduled run looks back over, e.g. "1h". */
    window: string;
    /** Multiple-testing correction of the p-value tests across a model's features. */
    correction: 'none' | 'bonferroni' | 'bh';
    /** The dataset drifts when at least this share of its features drift. */
    shareThreshold: number;
    /** Most logged predictions kept when a reference is built from a window (uniform sample beyond). */
    maxSample: number;
    /** Fewer values than this in the window: the feature's verdict is `insufficient_data` (docs/drift-statistics.md). */
    minSample: number;
  };
  /** Test-only knobs (SIGHTLINE_TEST_*), refused when NODE_ENV=production. */
  testing: {
    /** Added before every matching inference, so the alert tests can make a model slow for real. */
    inferenceDelayMs: number;
    /** `model` or `model@version` entries the delay applies to; empty means every model. */
    inferenceDelayModels: string[];
  };
}

export class ConfigError extends Error {}

export type Env = Record<string, string | undefined>;

export function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function fraction(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new ConfigError(`${name} must be a number in (0, 1], got "${raw}"`);
  }
  return value;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** A duration like 30m, 1h or 7d, at most 400 days. */
function duration(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  const match = /^([1-9][0-9]{0,6})([smhdw])$/.exec(raw);
  if (!match || Number(match[1]) * DURATION_UNITS[match[2]] > 400 * 86_400) {
    throw new ConfigError(`${name} must be a duration like 30m, 1h or 7d (at most 400d), got "${raw}"`);
  }
  return raw;
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

function windows(env: Env, name: string, fallback: string): string[] {
  const raw = env[name] || fallback;
  const list = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const bad = list.find((w) => !/^[1-9][0-9]{0,5}[smhdw]$/.test(w));
  if (bad !== undefined || list.length === 0) {
    throw new ConfigError(`${name} is a comma-separated list of durations like 1h,24h,7d, got "${raw}"`);
  }
  return list;
}

function rateLimit(env: Env): AppConfig['rateLimit'] {
  const raw = env.RATE_LIMIT_RPS;
  const rps = raw === undefined || raw === '' ? 0 : Number(raw);
  if (!Number.isFinite(rps) || rps < 0 || rps > 1_000_000) {
    throw new ConfigError(`RATE_LIMIT_RPS must be a number between 0 and 1000000, got "${raw}"`);
  }
  // a burst of one second's worth (at least 1) unless told otherwise
  const burst = int(env, 'RATE_LIMIT_BURST', Math.max(1, Math.ceil(rps)), 1, 10_000_000);
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  }
  return { rps, burst, redisUrl };
}

function testing(env: Env, nodeEnv: string): AppConfig['testing'] {
  const inferenceDelayMs = int(env, 'SIGHTLINE_TEST_INFERENCE_DELAY_MS', 0, 0, 60_000);
  if (inferenceDelayMs > 0 && nodeEnv === 'production') {
    throw new ConfigError(
      'SIGHTLINE_TEST_INFERENCE_DELAY_MS is a test-only setting and is refused when NODE_ENV=production',
    );
  }
  const inferenceDelayModels = (env.SIGHTLINE_TEST_INFERENCE_DELAY_MODELS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = inferenceDelayModels.find((m) => !/^[A-Za-z0-9_.-]+(@[A-Za-z0-9_.-]+)?$/.test(m));
  if (bad !== undefined) {
    throw new ConfigError(
      `SIGHTLINE_TEST_INFERENCE_DELAY_MODELS entries look like "model" or "model@version", got "${bad}"`,
    );
  }
  return { inferenceDelayMs, inferenceDelayModels };
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
    readReplica: readReplicaConfig(env),
    migrationsRun: bool(env, 'DB_MIGRATIONS_RUN', true),
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxBatchSize: int(env, 'MAX_BATCH_SIZE', 1000, 1, 100000),
    batching: {
      maxBatchSize: int(env, 'BATCH_MAX_SIZE', 128, 1, 100000),
      maxDelayMs: int(env, 'BATCH_MAX_DELAY_MS', 1, 0, 1000),
    },
    fastAsyncResourceBind: bool(env, 'FAST_ASYNC_RESOURCE_BIND', true),
    metrics: { enabled: bool(env, 'METRICS_ENABLED', true) },
    predictionLog: {
      enabled: bool(env, 'PREDICTION_LOG_ENABLED', true),
      bufferMax: int(env, 'PREDICTION_LOG_BUFFER_MAX', 100000, 100, 10_000_000),
      flushIntervalMs: int(env, 'PREDICTION_LOG_FLUSH_INTERVAL_MS', 200, 1, 60000),
      batchSize: int(env, 'PREDICTION_LOG_BATCH_SIZE', 1000, 1, 50000),
      writeConcurrency: int(env, 'PREDICTION_LOG_WRITE_CONCURRENCY', 2, 1, 8),
      writeAhead: bool(env, 'PREDICTION_LOG_WRITE_AHEAD', true),
      journal: {
        dir: env.PREDICTION_LOG_JOURNAL_DIR || '.journal',
        maxBytes: int(env, 'PREDICTION_LOG_JOURNAL_MAX_BYTES', 1024 ** 3, 64 * 1024, 2 ** 48),
        segmentBytes: int(env, 'PREDICTION_LOG_JOURNAL_SEGMENT_BYTES', 16 * 1024 ** 2, 4096, 1024 ** 3),
        fsync: oneOf(env, 'PREDICTION_LOG_JOURNAL_FSYNC', 'interval', ['always', 'interval', 'off']),
        fsyncIntervalMs: int(env, 'PREDICTION_LOG_JOURNAL_FSYNC_INTERVAL_MS', 1000, 10, 60000),
      },
    },
    auth: {
      allowOpen: bool(env, 'AUTH_ALLOW_OPEN', false),
      keysRefreshMs: int(env, 'AUTH_KEYS_REFRESH_MS', 5000, 100, 3_600_000),
      jwt: jwtConfig(env),
    },
    rateLimit: rateLimit(env),
    limits: {
      maxJsonDepth: int(env, 'MAX_JSON_DEPTH', 32, 2, 1000),
      maxStringLength: int(env, 'MAX_STRING_LENGTH', 8192, 16, 1024 * 1024 * 1024),
      maxHeaderBytes: int(env, 'MAX_HEADER_BYTES', 16 * 1024, 1024, 1024 * 1024),
      maxParamLength: int(env, 'MAX_PARAM_LENGTH', 200, 16, 10000),
      requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
      shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 3_600_000),
    },
    sanitize: {
      // a random development key keeps hashes unguessable, at the cost of joins across restarts
      hmacKey: hmacKey || randomBytes(32).toString('hex'),
      hmacKeyGenerated: !hmacKey,
      fields: sanitizeFields(env.SANITIZE_FIELDS),
    },
    feedback: {
      maxBulkItems: int(env, 'FEEDBACK_MAX_BULK_ITEMS', 10000, 1, 100000),
      // 10,000 items with a little metadata are several MiB: POST /v1/feedback has its own limit
      bulkBodyLimitBytes: int(
        env,
        'FEEDBACK_BULK_BODY_LIMIT_BYTES',
        16 * 1024 * 1024,
        1024,
        1024 * 1024 * 1024,
      ),
    },
    inferenceProtocol: {
      maxBodyBytes: int(env, 'V2_MAX_BODY_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      logMaxElements: int(env, 'V2_LOG_MAX_ELEMENTS', 64, 0, 1000),
    },
    performance: {
      windows: windows(env, 'PERFORMANCE_WINDOWS', '1h,24h'),
      intervalSeconds: int(env, 'PERFORMANCE_INTERVAL_SECONDS', 300, 0, 86400),
      minSample: int(env, 'PERFORMANCE_MIN_SAMPLE', 100, 1, 10_000_000),
    },
    drift: {
      scheduleEnabled: bool(env, 'DRIFT_SCHEDULE_ENABLED', true),
      intervalSeconds: int(env, 'DRIFT_INTERVAL_SECONDS', 300, 1, 86400),
      window: duration(env, 'DRIFT_WINDOW', '1h'),
      correction: oneOf(env, 'DRIFT_CORRECTION', 'none', ['none', 'bonferroni', 'bh']),
      shareThreshold: fraction(env, 'DRIFT_SHARE_THRESHOLD', 0.5),
      maxSample: int(env, 'DRIFT_MAX_SAMPLE', 20000, 100, 1_000_000),
      minSample: int(env, 'DRIFT_MIN_SAMPLE', 500, 1, 10_000_000),
    },
    testing: testing(env, nodeEnv),
  };
}
