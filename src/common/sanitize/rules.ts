export type FieldAction = 'drop' | 'mask' | 'hash';

/** Field rules keyed by lower-cased field name. */
export type Rules = ReadonlyMap<string, FieldAction>;

// When global and per-model rules name the same field the stricter wins: a model manifest can
// tighten the operator's policy but never loosen it (hash is weakest: it still links records).
const STRICTNESS: Record<FieldAction, number> = { hash: 1, mask: 2, drop: 3 };

export function mergeRules(base: Rules, fields: Record<string, FieldAction> = {}): Rules {
  const merged = new Map(base);
  for (const [name, action] of Object.entries(fields)) {
    if (!Object.hasOwn(STRICTNESS, action))
      throw new Error(`Unknown sanitize action "${action}" for "${name}"`);
    const current = merged.get(name.toLowerCase());
    if (!current || STRICTNESS[action] > STRICTNESS[current]) merged.set(name.toLowerCase(), action);
  }
  return merged;
}

/** Sorted keys, so {a, b} and {b, a} hash alike; undefined for cycles or absurd depth (fail closed). */
export function canonicalJson(value: object): string | undefined {
  const sortKeys = (_key: string, v: unknown): unknown =>
    typeof v === 'bigint'
      ? v.toString()
      : v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v;
  try {
    return JSON.stringify(value, sortKeys);
  } catch {
    return undefined;
  }
}
