import { Verdict } from './token-bucket';

/** Port: one request for `key` against the RATE_LIMIT_RPS / RATE_LIMIT_BURST bucket. */
export abstract class RateLimiter {
  abstract take(key: string): Promise<Verdict> | Verdict;
  close(): Promise<void> | void {}
}

/** RATE_LIMIT_RPS=0: every request passes. */
export class UnlimitedRateLimiter extends RateLimiter {
  take(): Verdict {
    return { allowed: true, retryAfterMs: 0 };
  }
}
