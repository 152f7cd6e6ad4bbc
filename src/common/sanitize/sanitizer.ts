import { createHmac } from 'node:crypto';
import { CARD_MASK, isCardLikeNumber } from './patterns';
import { canonicalJson, FieldAction, mergeRules, Rules } from './rules';
import { cleanChars, scrubBounded, scrubText } from './text';

export type { FieldAction } from './rules';

export interface SanitizerOptions {
  hmacKey: string;
  fields?: Record<string, FieldAction>;
  maxStringLength?: number;
  maxDepth?: number;
  maxKeys?: number;
  maxArrayItems?: number;
}

interface Walk {
  rules: Rules;
  /** The objects on the current path, not every object seen: a shared subtree is not a cycle. */
  ancestors: Set<object>;
}

const OMIT = Symbol('omit');
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Produces the copy of a prediction's inputs that may be stored and logged: JSON-safe, valid for
 * Postgres jsonb, bounded in size, with configured fields dropped/masked/hashed and PII patterns
 * masked everywhere else. It does not throw on odd input: a throwing getter gives '[unreadable]'.
 */
export class Sanitizer {
  private readonly hmacKey: string;
  private readonly rules: Rules;
  private readonly merged = new WeakMap<object, Rules>();
  private readonly maxStringLength: number;
  private readonly maxDepth: number;
  private readonly maxKeys: number;
  private readonly maxArrayItems: number;

  constructor(options: SanitizerOptions) {
    if (!options.hmacKey) throw new Error('Sanitizer needs a non-empty hmacKey');
    this.hmacKey = options.hmacKey;
    this.rules = mergeRules(new Map(), options.fields);
    this.maxStringLength = positiveInt(options.maxStringLength, 1024, 'maxStringLength');
    this.maxDepth = positiveInt(options.maxDepth, 8, 'maxDepth');
    this.maxKeys = positiveInt(options.maxKeys, 256, 'maxKeys');
    this.maxArrayItems = positiveInt(options.maxArrayItems, 1000, 'maxArrayItems');
  }

  /** Deep, JSON-safe sanitized copy. `fields` adds per-model rules on top of the global ones. */
  sanitize(value: unknown, fields?: Record<string, FieldAction>): unknown {
    const out = this.walk(value, { rules: this.rulesFor(fields), ancestors: new Set() }, 0);
    return out === OMIT ? null : out;
  }

  /** Pattern masking (and the same character cleaning) for free text; no truncation. */
  maskText(text: string): string {
    return scrubText(text);
  }

  /** Keyed hash: same input, same output, so joins still work; unguessable without the key. */
  hash(value: string): string {
    return 'hmac:' + createHmac('sha256', this.hmacKey).update(value).digest('hex').slice(0, 32);
  }

  // Cached per fields object: a model's manifest rules are the same object on every prediction.
  private rulesFor(fields: Record<string, FieldAction> | undefined): Rules {
    if (!fields) return this.rules;
    let rules = this.merged.get(fields);
    if (!rules) this.merged.set(fields, (rules = mergeRules(this.rules, fields)));
    return rules;
  }

  private walk(value: unknown, walk: Walk, depth: number): unknown {
    switch (typeof value) {
      case 'string':
        return scrubBounded(value, this.maxStringLength);
      case 'number':
        return !Number.isFinite(value) ? null : isCardLikeNumber(value) ? CARD_MASK : value;
      case 'boolean':
        return value;
      case 'bigint':
        return scrubBounded(value.toString(), this.maxStringLength);
      case 'object':
        return value === null ? null : this.walkObject(value, walk, depth);
      default:
        return OMIT; // undefined, functions and symbols, as JSON.stringify does
    }
  }

  private walkObject(value: object, walk: Walk, depth: number): unknown {
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) {
      return `[binary ${value.byteLength} bytes]`;
    }
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
    if (walk.ancestors.has(value)) return '[cycle]';
    if (depth >= this.maxDepth) return '[too deep]';
    walk.ancestors.add(value);
    try {
      return this.container(value, walk, depth + 1);
    } catch {
      return '[unreadable]';
    } finally {
      walk.ancestors.delete(value);
    }
  }

  private container(value: object, walk: Walk, depth: number): unknown {
    if (value instanceof Error) return scrubBounded(`${value.name}: ${value.message}`, this.maxStringLength);
    if (value instanceof Map) return this.walk(Object.fromEntries(value), walk, depth);
    if (value instanceof Set) return this.walk([...value], walk, depth);
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    const json: unknown = typeof toJSON === 'function' ? toJSON.call(value) : value;
    if (json !== value) return this.walk(json, walk, depth); // depth still grows, so toJSON chains end
    if (Array.isArray(value)) {
      const n = Math.min(value.length, this.maxArrayItems);
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const item = this.walk(value[i], walk, depth);
        out.push(item === OMIT ? null : item); // keep positions: feature vectors are positional
      }
      if (value.length > n) out.push(`…[truncated ${value.length - n} items]`);
      return out;
    }
    const keys = Object.keys(value);
    const out: Record<string, unknown> = {};
    for (const rawKey of keys.slice(0, this.maxKeys)) {
      // rules and the dangerous-key check see the key as stored: '__proto__\0' is '__proto__'
      const key = cleanChars(rawKey);
      const action = walk.rules.get(key.toLowerCase());
      if (DANGEROUS_KEYS.has(key) || action === 'drop') continue;
      const item = this.applyRule(action, (value as Record<string, unknown>)[rawKey], walk, depth);
      if (item !== OMIT) out[uniqueKey(out, scrubBounded(key, this.maxStringLength))] = item;
    }
    if (keys.length > this.maxKeys) out.__truncated_keys = keys.length - this.maxKeys;
    return out;
  }

  private applyRule(action: FieldAction | undefined, value: unknown, walk: Walk, depth: number): unknown {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return OMIT;
    if (action === 'mask') return '[masked]';
    if (action !== 'hash') return this.walk(value, walk, depth);
    if (value === null || typeof value !== 'object') return this.hash(String(value));
    const json = canonicalJson(value);
    return json === undefined ? '[masked]' : this.hash(json);
  }
}

// Masked keys can collide ({"a@x.io": 1, "b@y.io": 2}); number them rather than lose a value.
function uniqueKey(out: Record<string, unknown>, key: string): string {
  let unique = key;
  for (let n = 2; Object.hasOwn(out, unique); n++) unique = `${key}#${n}`;
  return unique;
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`Sanitizer ${name} must be a positive integer`);
  return n;
}
