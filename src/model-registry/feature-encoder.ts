import { FieldError } from '../common/errors/domain-error';
import { FeatureSpec, Manifest, featureWidth } from './manifest';
import { isJsonObject } from '../common/json';

export type RawValue = number | string | null;

export interface EncodedBatch {
  /** One float32 matrix per manifest input, row-major [rows, width]. */
  tensors: { name: string; data: Float32Array; width: number }[];
  /** The validated values as received (before clipping or defaults), for the prediction log. */
  values: Record<string, RawValue>[];
  rows: number;
}

/**
 * Validates rows against the manifest and writes them straight into the input tensors,
 * collecting every field error (not just the first) so the client can fix them all at once.
 */
export class FeatureEncoder {
  private readonly byName = new Map<string, FeatureSpec>();
  private readonly layout: {
    name: string;
    width: number;
    columns: { feature: FeatureSpec; offset: number }[];
  }[];

  constructor(private readonly manifest: Manifest) {
    for (const f of manifest.features) this.byName.set(f.name, f);
    this.layout = manifest.inputs.map((input) => {
      let offset = 0;
      const columns = input.features.map((name) => {
        const feature = this.byName.get(name)!;
        const column = { feature, offset };
        offset += featureWidth(feature);
        return column;
      });
      return { name: input.name, width: offset, columns };
    });
  }

  get inputWidths(): Record<string, number> {
    return Object.fromEntries(this.layout.map((l) => [l.name, l.width]));
  }

  /** `path(i)` names row i in error messages, e.g. `features` or `instances[3]`. */
  encode(rows: unknown[], path: (i: number) => string, errors: FieldError[]): EncodedBatch {
    const tensors = this.layout.map((l) => ({
      name: l.name,
      width: l.width,
      data: new Float32Array(rows.length * l.width),
    }));
    const values: Record<string, RawValue>[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const named = this.toNamed(rows[r], path(r), errors);
      values[r] = {};
      if (!named) continue;
      for (let t = 0; t < this.layout.length; t++) {
        const { columns, width } = this.layout[t];
        const base = r * width;
        for (const { feature, offset } of columns) {
          const raw = named[feature.name];
          const field = Array.isArray(rows[r])
            ? `${path(r)}[${this.manifest.features.indexOf(feature)}]`
            : `${path(r)}.${feature.name}`;
          values[r][feature.name] = this.write(feature, raw, tensors[t].data, base + offset, field, errors);
        }
      }
    }
    return { tensors, values, rows: rows.length };
  }

  private toNamed(row: unknown, where: string, errors: FieldError[]): Record<string, unknown> | undefined {
    if (Array.isArray(row)) {
      const n = this.manifest.features.length;
      if (row.length !== n) {
        errors.push({ field: where, message: `must list ${n} values in manifest order, got ${row.length}` });
        return undefined;
      }
      const named: Record<string, unknown> = {};
      this.manifest.features.forEach((f, i) => (named[f.name] = row[i]));
      return named;
    }
    if (!isJsonObject(row)) {
      errors.push({ field: where, message: 'must be an object keyed by feature name or an array of values' });
      return undefined;
    }
    for (const key of Object.keys(row)) {
      if (!this.byName.has(key))
        errors.push({ field: `${where}.${key.slice(0, 64)}`, message: 'is not a feature of this model' });
    }
    return row;
  }

  private write(
    f: FeatureSpec,
    raw: unknown,
    data: Float32Array,
    at: number,
    field: string,
    errors: FieldError[],
  ): RawValue {
    if (raw === undefined || raw === null) {
      if (f.required) {
        errors.push({ field, message: 'is required' });
      } else if (f.type === 'numeric') {
        data[at] = f.default!;
      }
      return null;
    }
    if (f.type === 'numeric') {
      if (typeof raw !== 'number') {
        errors.push({ field, message: `must be a number, got ${typeof raw}` });
        return null;
      }
      if (!Number.isFinite(raw)) {
        errors.push({ field, message: 'must be a finite number' });
        return null;
      }
      let value = raw;
      const below = f.min !== undefined && raw < f.min;
      const above = f.max !== undefined && raw > f.max;
      if ((below || above) && f.outOfRange !== 'accept') {
        if (f.outOfRange === 'reject') {
          errors.push({
            field,
            message: `must be between ${f.min ?? '-inf'} and ${f.max ?? 'inf'}, got ${raw}`,
          });
          return null;
        }
        value = below ? f.min! : f.max!;
      }
      data[at] = value;
      return raw;
    }
    if (typeof raw !== 'string') {
      errors.push({ field, message: `must be a string category, got ${typeof raw}` });
      return null;
    }
    const index = f.categories.indexOf(raw);
    if (index >= 0) {
      data[at + index] = 1;
    } else if (f.unseen === 'reject') {
      const list =
        f.categories.length <= 20 ? f.categories.join(', ') : `${f.categories.length} known categories`;
      errors.push({ field, message: `must be one of ${list}` });
      return null;
    }
    return raw;
  }
}
