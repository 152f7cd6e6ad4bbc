import { KsCurrentCounts } from '../stats';
import { NumericPlan, nextUp, thresholdPosition } from './feature-plan';
import { NumericWindow } from './window-data';

/** A bucket in which the current ECDF crosses the reference ECDF, holding two values or more. */
export interface CrossingBucket {
  bucket: number;
  /** Reference ECDF inside the bucket. */
  reference: number;
  /** Current values below the bucket. */
  before: number;
  /** The bucket's bounds [start, end). */
  start: number;
  end: number;
}

/** Summing Kahan-style: a 1M-row window adds thousands of terms of very different sizes. */
class Sum {
  private total = 0;
  private c = 0;
  add(x: number): void {
    const y = x - this.c;
    const t = this.total + y;
    this.c = t - this.total - y;
    this.total = t;
  }
  get value(): number {
    return this.total;
  }
}

/**
 * Counts of the current window derived from its buckets (see feature-plan.ts): everything the
 * numeric statistics need, without the values themselves.
 */
export class NumericBuckets {
  /** prefix[b] = current values in buckets 0..b-1. */
  private readonly prefix: Float64Array;
  private readonly end: number;

  constructor(
    readonly plan: NumericPlan,
    readonly window: NumericWindow,
  ) {
    this.end = plan.thresholds.length + 1;
    this.prefix = new Float64Array(this.end + 1);
    for (let b = 0; b < this.end; b++) this.prefix[b + 1] = this.prefix[b] + window.n[b];
  }

  private pos(value: number): number {
    return thresholdPosition(this.plan.thresholds, value);
  }

  /** Current values in [T_from, T_to) by 1-based threshold positions (0 = −∞, end = +∞). */
  private count(from: number, to: number): number {
    return this.prefix[to] - this.prefix[from];
  }

  /** Per reference value: values equal to it, and values in each gap (KS from counts). */
  ksCounts(): KsCurrentCounts {
    const u = this.plan.profile.values;
    const k = u.length;
    const equal = new Float64Array(k);
    const between = new Float64Array(k + 1);
    between[0] = this.count(0, this.pos(u[0]));
    for (let j = 0; j < k; j++) {
      const at = this.pos(u[j]);
      const after = this.pos(nextUp(u[j]));
      equal[j] = this.count(at, after);
      between[j + 1] = this.count(after, j + 1 < k ? this.pos(u[j + 1]) : this.end);
    }
    return { equal, between };
  }

  /** Current counts per right-closed bin over interior edges (each edge's successor is a threshold). */
  binCounts(edges: ArrayLike<number>): Float64Array {
    const out = new Float64Array(edges.length + 1);
    let from = 0;
    for (let i = 0; i < edges.length; i++) {
      const to = this.pos(nextUp(edges[i]));
      out[i] = this.count(from, to);
      from = to;
    }
    out[edges.length] = this.count(from, this.end);
    return out;
  }

  /** Current counts per half-open bin [c_i, c_i+1) over chart edges taken from the reference support. */
  rangeCounts(edges: ArrayLike<number>): Float64Array {
    const out = new Float64Array(edges.length + 1);
    let from = 0;
    for (let i = 0; i < edges.length; i++) {
      const to = this.pos(edges[i]);
      out[i] = this.count(from, to);
      from = to;
    }
    out[edges.length] = this.count(from, this.end);
    return out;
  }

  /** Values below the manifest's min or above its max. */
  outOfRange(): number {
    const { min, max } = this.plan.feature;
    let n = 0;
    if (min !== undefined) n += this.count(0, this.pos(min));
    if (max !== undefined) n += this.count(this.pos(nextUp(max)), this.end);
    return n;
  }

  /** Whether bucket b holds only values equal to one reference value. */
  private isSupportBucket(b: number, support: Set<number>): boolean {
    return b > 0 && support.has(this.plan.thresholds[b - 1]);
  }

  /**
   * Current counts per distinct value (as category labels), for features whose values the window
   * pass listed; undefined for the others.
   */
  valueCounts(): Map<string, number> | undefined {
    if (!this.plan.listValues) return undefined;
    const support = new Set(this.plan.profile.values);
    const out = new Map<string, number>();
    const add = (v: number, c: number) => out.set(String(v), (out.get(String(v)) ?? 0) + c);
    for (let b = 0; b < this.end; b++) {
      if (this.window.n[b] > 0 && this.isSupportBucket(b, support))
        add(this.plan.thresholds[b - 1], this.window.n[b]);
    }
    const off = this.window.offSupport;
    if (off) off.values.forEach((v, i) => add(Number(v), off.counts[i]));
    return out;
  }

  /**
   * Walks the buckets with both ECDFs. Inside a bucket F_ref is constant (R) and F_cur climbs from
   * F_a by 1/m at each current value; ∫|R − F_cur| follows from the count and sum of the values
   * unless F_cur crosses R inside the bucket, where the positions matter: a single value is its sum,
   * more need the exact second pass (`crossings`).
   */
  private walk(visit: (b: number, a: number, e: number, refCum: number, curCum: number) => void): void {
    const { values, counts } = this.plan.profile;
    const T = this.plan.thresholds;
    let refIdx = 0;
    let refCum = 0;
    let curCum = 0;
    for (let b = 0; b < this.end; b++) {
      const a = b === 0 ? -Infinity : T[b - 1];
      const e = b === T.length ? Infinity : T[b];
      while (refIdx < values.length && values[refIdx] <= a) refCum += counts[refIdx++];
      visit(b, a, e, refCum, curCum);
      curCum += this.window.n[b];
    }
  }

  private crosses(c: number, refCum: number, curCum: number): boolean {
    const n = this.plan.profile.count;
    const m = this.window.total;
    // integer cross-multiplication: no rounding in the comparison
    return curCum * n < refCum * m && (curCum + c) * n > refCum * m;
  }

  crossingBuckets(): CrossingBucket[] {
    const out: CrossingBucket[] = [];
    const T = this.plan.thresholds;
    const support = new Set(this.plan.profile.values);
    this.walk((b, a, e, refCum, curCum) => {
      const c = this.window.n[b];
      if (b === 0 || b === T.length || c < 2 || this.isSupportBucket(b, support)) return;
      if (this.crosses(c, refCum, curCum)) {
        out.push({
          bucket: b,
          reference: refCum / this.plan.profile.count,
          before: curCum,
          start: a,
          end: e,
        });
      }
    });
    return out;
  }

  /** W1 = ∫|F_ref − F_cur| dx over the whole line (scipy's wasserstein_distance). */
  wasserstein(): number {
    const n = this.plan.profile.count;
    const m = this.window.total;
    const { n: counts, s: sums, crossings } = this.window;
    const T = this.plan.thresholds;
    const support = new Set(this.plan.profile.values);
    const total = new Sum();
    this.walk((b, a, e, refCum, curCum) => {
      const c = counts[b];
      const s = sums[b];
      if (b === 0) {
        if (c > 0) total.add((c * e - s) / m); // F_ref = 0 below every reference value
        return;
      }
      if (b === T.length) {
        if (c > 0) total.add((s - c * a) / m); // F_ref = 1 above them
        return;
      }
      const R = refCum / n;
      const Fa = curCum / m;
      const L = e - a;
      if (c === 0) {
        total.add(Math.abs(R - Fa) * L);
      } else if (curCum * n >= refCum * m) {
        total.add((Fa - R) * L + (c * e - s) / m);
      } else if ((curCum + c) * n <= refCum * m) {
        total.add((R - Fa) * L - (c * e - s) / m);
      } else if (this.isSupportBucket(b, support)) {
        // every value sits at the bucket's start (one reference value, one ulp wide)
        total.add(Math.abs(R - (curCum + c) / m) * L);
      } else if (c === 1) {
        // the one value is the bucket's sum
        total.add((R - Fa) * (s - a) + ((curCum + 1) / m - R) * (e - s));
      } else {
        const exact = crossings.get(b);
        if (exact === undefined) throw new Error(`bucket ${b} needs the exact second pass`);
        total.add(exact);
      }
    });
    return total.value;
  }
}
