import { compareCodePoints } from '../stats/categories';
import { ksReferenceSupport, populationStd, quantileBinEdges } from '../stats';
import { Manifest } from '../../../model-registry/manifest';
import {
  CategoricalProfile,
  FeatureProfile,
  NumericProfile,
  PREDICTION_COLUMN,
  ReferenceProfile,
} from './profile.types';

export type ProfileKind = 'numeric' | 'categorical';

/** A numeric cell: a finite number, or a CSV cell that parses as one; anything else is missing. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A categorical cell: a non-empty string (numbers and booleans by their text); null/'' are missing. */
function toCategory(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function numericProfile(cells: ArrayLike<unknown>): NumericProfile {
  const values: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    const n = toNumber(cells[i]);
    if (n !== undefined) values.push(n);
  }
  const missing = cells.length - values.length;
  if (values.length === 0) {
    return { kind: 'numeric', count: 0, missing, values: [], counts: [], std: 0, binEdges: [] };
  }
  const support = ksReferenceSupport(values);
  return {
    kind: 'numeric',
    count: values.length,
    missing,
    values: Array.from(support.values),
    counts: Array.from(support.counts),
    std: populationStd(values),
    binEdges: Array.from(quantileBinEdges(values)),
  };
}

export function categoricalProfile(cells: ArrayLike<unknown>): CategoricalProfile {
  const counts = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = toCategory(cells[i]);
    if (c === undefined) continue;
    count++;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const categories = [...counts.entries()].sort((a, b) => compareCodePoints(a[0], b[0]));
  return { kind: 'categorical', count, missing: cells.length - count, categories };
}

export function featureProfile(kind: ProfileKind, cells: ArrayLike<unknown>): FeatureProfile {
  return kind === 'numeric' ? numericProfile(cells) : categoricalProfile(cells);
}

/**
 * A profile of every manifest feature found in the source, and of the model output. `column(name)`
 * gives a feature's cells (CSV strings or logged values), or undefined when the source lacks it.
 */
export function buildProfile(
  manifest: Manifest,
  rows: number,
  column: (name: string) => ArrayLike<unknown> | undefined,
): ReferenceProfile {
  const features: Record<string, FeatureProfile> = {};
  for (const f of manifest.features) {
    if (f.type === 'text') continue;
    const cells = column(f.name);
    if (cells) features[f.name] = featureProfile(f.type, cells);
  }
  const output = column(PREDICTION_COLUMN);
  const kind: ProfileKind = manifest.task === 'classification' ? 'categorical' : 'numeric';
  return { rows, features, prediction: output ? featureProfile(kind, output) : null };
}
