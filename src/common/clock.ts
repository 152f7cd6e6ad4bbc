import { Injectable } from '@nestjs/common';

/** Wall time and monotonic time behind one class, so tests can pin them. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Milliseconds from an arbitrary origin; only differences mean anything. */
  monotonicMs(): number {
    return performance.now();
  }
}
