import { RateLimiter } from './rate-limiter';
import { Bucket, take, Verdict } from './token-bucket';

// A full bucket behaves like no bucket, so forgetting the least recently used ones is safe.
const MAX_BUCKETS = 100_000;

/** Buckets in this process: right for one replica, and the fallback when Redis is unreachable. */
export class MemoryRateLimiter extends RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rps: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    super();
  }

  take(key: string): Verdict {
    const [bucket, verdict] = take(this.buckets.get(key), this.now(), this.rps, this.burst);
    this.buckets.delete(key); // re-inserting keeps the map in least-recently-used order
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_BUCKETS) this.buckets.delete(this.buckets.keys().next().value!);
    return verdict;
  }
}
