import { MemoryRateLimiter } from './memory-rate-limiter';
import { take } from './token-bucket';

describe(take.name, () => {
  it('starts full, spends one token a request, and refills at the rate up to the burst', () => {
    let [bucket, verdict] = take(undefined, 0, 2, 3);
    expect(verdict.allowed).toBe(true);
    [bucket] = take(bucket, 0, 2, 3);
    [bucket, verdict] = take(bucket, 0, 2, 3);
    expect([bucket.tokens, verdict.allowed]).toEqual([0, true]);
    [bucket, verdict] = take(bucket, 100, 2, 3); // 0.2 tokens back after 100 ms at 2/s
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 400 });
    [bucket, verdict] = take(bucket, 500, 2, 3);
    expect(verdict.allowed).toBe(true);
    [bucket] = take(bucket, 60_000, 2, 3);
    expect(bucket.tokens).toBe(2); // capped at the burst, minus the one just taken
  });
});

describe(MemoryRateLimiter.name, () => {
  it('keeps one bucket per key', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter(1, 2, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
    expect(limiter.take('b').allowed).toBe(true);
    now = 1000;
    expect(limiter.take('a').allowed).toBe(true);
  });
});
