import { ConfigError, Env, int } from './app-config';

/** A read replica for monitoring reads (docs/deployment.md); absent without DATABASE_READ_URL. */
export interface ReadReplicaConfig {
  url: string;
  /** Past this replay lag every read goes to the primary until the replica catches up. */
  maxLagSeconds: number;
  /** How long a window read waits for the replica to replay what the primary had committed. */
  waitMs: number;
  /** How often the lag is measured (and a replica that was down is tried again). */
  checkIntervalMs: number;
}

export function readReplicaConfig(env: Env): ReadReplicaConfig | undefined {
  const url = env.DATABASE_READ_URL;
  if (!url) {
    const stray = [
      'DATABASE_READ_MAX_LAG_SECONDS',
      'DATABASE_READ_WAIT_MS',
      'DATABASE_READ_CHECK_INTERVAL_MS',
    ].find((k) => env[k]);
    if (stray) throw new ConfigError(`${stray} is set but DATABASE_READ_URL is not`);
    return undefined;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_READ_URL must be a postgres:// URL');
  return {
    url,
    maxLagSeconds: int(env, 'DATABASE_READ_MAX_LAG_SECONDS', 30, 1, 86_400),
    waitMs: int(env, 'DATABASE_READ_WAIT_MS', 2000, 0, 60_000),
    checkIntervalMs: int(env, 'DATABASE_READ_CHECK_INTERVAL_MS', 5000, 100, 600_000),
  };
}
