import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { RateLimiter } from './rate-limiter';
import { Verdict } from './token-bucket';

/*
 * The token bucket of token-bucket.ts, run atomically inside Redis so every replica draws from
 * the same bucket. Redis' own clock is used (TIME), so replicas with skewed clocks still agree.
 * Tokens are kept in milli-tokens as integers: no float formatting between Lua and Redis.
 */
const SCRIPT = `
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2]) * 1000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = burst
else
  tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
end
local allowed = 0
local retry = 0
if tokens >= 1000 then
  tokens = tokens - 1000
  allowed = 1
else
  retry = math.ceil((1000 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', math.floor(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return {allowed, retry}
`;

export class RedisRateLimiter extends RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private readonly redis: Redis;
  private readonly fallback: MemoryRateLimiter;
  private lastError = 0;
  private closed = false;

  constructor(
    url: string,
    private readonly rps: number,
    private readonly burst: number,
    private readonly prefix = 'sightline:ratelimit:',
  ) {
    super();
    this.fallback = new MemoryRateLimiter(rps, burst);
    // fail fast rather than queue: a request must not wait on an unreachable Redis
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 250,
      retryStrategy: (attempt) => (this.closed ? null : Math.min(attempt * 200, 2000)),
    });
    this.redis.on('error', (err: Error) => this.warn(err));
    this.redis.defineCommand('sightlineTake', { numberOfKeys: 1, lua: SCRIPT });
  }

  async take(key: string): Promise<Verdict> {
    try {
      const client = this.redis as Redis & {
        sightlineTake(key: string, rate: number, burst: number): Promise<[number, number]>;
      };
      // the script works in milli-tokens: `rate` tokens per second is `rate` milli-tokens per ms
      const [allowed, retry] = await client.sightlineTake(this.prefix + key, this.rps, this.burst);
      return { allowed: allowed === 1, retryAfterMs: retry };
    } catch (err) {
      // availability first: limit per replica until Redis answers again
      this.warn(err as Error);
      return this.fallback.take(key);
    }
  }

  override async close(): Promise<void> {
    this.closed = true;
    // quit() waits for a connection that may never come: only a ready client gets a polite goodbye
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private warn(err: Error): void {
    if (Date.now() - this.lastError < 30_000) return;
    this.lastError = Date.now();
    this.logger.warn(`Redis rate limiting unavailable, limiting per replica: ${err.message.slice(0, 200)}`);
  }
}
