/**
 * Categorical inputs: counts per category, as SQL `GROUP BY value` produces them.
 */

/** Count per category label. Categories with a zero count are the same as absent ones. */
export type CategoryCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** A raw categorical value; null/undefined/NaN are missing values and are not counted. */
export type CategoryValue = string | number | boolean | null | undefined;

/**
 * Counts raw categorical values by `String(value)` (so 1 and '1' are the same category), dropping
 * null, undefined and NaN like pandas' `value_counts()` after `dropna()`.
 */
export function countCategories(values: Iterable<CategoryValue>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const key = String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Orders strings by Unicode code point, like Python's `sorted()` on str (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done || cb.done) return ca.done ? (cb.done ? 0 : -1) : 1;
    const d = (ca.value.codePointAt(0) ?? 0) - (cb.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function entries(counts: CategoryCounts): Iterable<[string, number]> {
  return counts instanceof Map ? counts.entries() : Object.entries(counts);
}

/** Reference and current counts aligned over the union of categories with a positive count. */
export interface AlignedCounts {
  /** Union of categories, sorted by code point (deterministic order). */
  readonly categories: string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
  readonly referenceTotal: number;
  readonly currentTotal: number;
}

export function alignCategoryCounts(reference: CategoryCounts, current: CategoryCounts): AlignedCounts {
  const ref = new Map<string, number>();
  const cur = new Map<string, number>();
  for (const [target, source, label] of [
    [ref, reference, 'reference'],
    [cur, current, 'current'],
  ] as const) {
    for (const [key, count] of entries(source)) {
      if (!Number.isFinite(count) || count < 0) {
        throw new RangeError(`${label} count for category '${key}' must be a finite non-negative number`);
      }
      if (count > 0) target.set(key, (target.get(key) ?? 0) + count);
    }
  }
  const categories = [...new Set([...ref.keys(), ...cur.keys()])].sort(compareCodePoints);
  const r = Float64Array.from(categories, (c) => ref.get(c) ?? 0);
  const c = Float64Array.from(categories, (k) => cur.get(k) ?? 0);
  let referenceTotal = 0;
  let currentTotal = 0;
  for (let i = 0; i < categories.length; i++) {
    referenceTotal += r[i];
    currentTotal += c[i];
  }
  return { categories, reference: r, current: c, referenceTotal, currentTotal };
}
