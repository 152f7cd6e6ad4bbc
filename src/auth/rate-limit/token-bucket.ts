export interface Bucket {
  tokens: number;
  /** Milliseconds, on whatever monotonic clock the caller uses. */
  at: number;
}

export interface Verdict {
  allowed: boolean;
  /** How long until one token is back; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * One token-bucket step: refill for the time elapsed (up to `burst`), then take one token.
 * The Redis limiter runs the same arithmetic in Lua (redis-rate-limiter.ts); keep them alike.
 */
export function take(bucket: Bucket | undefined, now: number, rps: number, burst: number): [Bucket, Verdict] {
  const elapsed = bucket ? Math.max(0, now - bucket.at) : 0;
  const tokens = bucket ? Math.min(burst, bucket.tokens + (elapsed * rps) / 1000) : burst;
  if (tokens >= 1)
    return [
      { tokens: tokens - 1, at: now },
      { allowed: true, retryAfterMs: 0 },
    ];
  return [
    { tokens, at: now },
    { allowed: false, retryAfterMs: Math.ceil(((1 - tokens) * 1000) / rps) },
  ];
}
