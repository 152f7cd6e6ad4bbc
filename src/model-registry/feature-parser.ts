import { FeatureSpec } from './manifest';
import { isJsonObject } from '../common/json';

export class ManifestError extends Error {}

/** Characters a text feature accepts when the manifest does not say. */
export const DEFAULT_TEXT_MAX_LENGTH = 2000;
const MAX_TEXT_MAX_LENGTH = 1_000_000;

export const isName = (v: unknown): v is string =>
  typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_.-]{0,127}$/.test(v);

function finiteOrUndefined(v: unknown, where: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ManifestError(`${where} must be a finite number`);
  return v;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T, where: string): T {
  if (v === undefined) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  const list =
    allowed.length === 2 ? allowed.join(' or ') : `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}`;
  throw new ManifestError(`${where} must be ${list}`);
}

/** One entry of `features`; throws ManifestError naming the bad field. */
export function parseFeature(raw: unknown, i: number): FeatureSpec {
  const where = `features[${i}]`;
  if (!isJsonObject(raw) || !isName(raw.name))
    throw new ManifestError(`${where}.name must be a feature name`);
  const required = raw.required === undefined ? true : raw.required === true;
  if (raw.type === 'numeric') {
    const outOfRange = oneOf(raw.outOfRange, ['reject', 'clip', 'accept'], 'reject', `${where}.outOfRange`);
    const min = finiteOrUndefined(raw.min, `${where}.min`);
    const max = finiteOrUndefined(raw.max, `${where}.max`);
    if (min !== undefined && max !== undefined && min > max) throw new ManifestError(`${where}: min > max`);
    const dflt = finiteOrUndefined(raw.default, `${where}.default`);
    if (!required && dflt === undefined)
      throw new ManifestError(`${where}: an optional numeric feature needs a default`);
    return { name: raw.name, type: 'numeric', required, min, max, default: dflt, outOfRange };
  }
  if (raw.type === 'categorical') {
    const cats = raw.categories;
    if (!Array.isArray(cats) || cats.length === 0 || !cats.every((c) => typeof c === 'string')) {
      throw new ManifestError(`${where}.categories must be a non-empty list of strings`);
    }
    if (new Set(cats).size !== cats.length) throw new ManifestError(`${where}.categories has duplicates`);
    const unseen = oneOf(raw.unseen, ['reject', 'ignore'], 'reject', `${where}.unseen`);
    return { name: raw.name, type: 'categorical', required, categories: cats as string[], unseen };
  }
  if (raw.type === 'text') {
    const maxLength = raw.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
    if (
      typeof maxLength !== 'number' ||
      !Number.isInteger(maxLength) ||
      maxLength < 1 ||
      maxLength > MAX_TEXT_MAX_LENGTH
    ) {
      throw new ManifestError(`${where}.maxLength must be an integer between 1 and ${MAX_TEXT_MAX_LENGTH}`);
    }
    const overLength = oneOf(raw.overLength, ['reject', 'truncate'], 'reject', `${where}.overLength`);
    return { name: raw.name, type: 'text', required, maxLength, overLength };
  }
  throw new ManifestError(`${where}.type must be numeric, categorical or text`);
}
