import { FieldError } from '../common/errors/domain-error';
import { isJsonObject } from '../common/json';
import { EncodedBatch, EncodedTensor, RawValue, TruncationNote } from './encoded-batch';
import { FeatureSpec, Manifest, TextFeature, featureWidth, textFeatures } from './manifest';
import { TensorInfo } from './onnx-session';
import { writeTabular } from './tabular-value';
import { checkText } from './text/text-value';
import { TextTokenizer } from './text/text-tokenizer';
import { TokenTensors } from './text/token-tensors';

export type { EncodedBatch, RawValue } from './encoded-batch';

interface InputLayout {
  name: string;
  width: number;
  text: boolean;
  /** String tensors may be [batch] in the graph. */
  rank: 1 | 2;
  columns: { feature: FeatureSpec; offset: number }[];
}

/**
 * Validates rows against the manifest and writes them straight into the input tensors,
 * collecting every field error (not just the first) so the client can fix them all at once.
 * Numbers and categories go to float32 matrices, text to string tensors or through the tokenizer.
 */
export class FeatureEncoder {
  private readonly byName = new Map<string, FeatureSpec>();
  private readonly layout: InputLayout[];
  private readonly tokens?: TokenTensors;
  /** The feature a bare string row (`{"text": ...}`, `{"texts": [...]}`) stands for. */
  readonly seedFeature: TextFeature | undefined;

  constructor(
    private readonly manifest: Manifest,
    graphInputs: TensorInfo[] = [],
    tokenizer?: TextTokenizer,
  ) {
    for (const f of manifest.features) this.byName.set(f.name, f);
    const rankOf = (name: string) => (graphInputs.find((i) => i.name === name)?.shape.length === 1 ? 1 : 2);
    this.layout = manifest.inputs.map((input) => {
      let offset = 0;
      const columns = input.features.map((name) => {
        const feature = this.byName.get(name)!;
        const column = { feature, offset };
        offset += featureWidth(feature);
        return column;
      });
      const text = columns.some((c) => c.feature.type === 'text');
      return { name: input.name, width: offset, text, rank: text ? rankOf(input.name) : 2, columns };
    });
    if (tokenizer) this.tokens = new TokenTensors(tokenizer, graphInputs);
    const texts = textFeatures(manifest);
    const othersOptional = manifest.features.every((f) => f.type === 'text' || !f.required);
    this.seedFeature = texts.length === 1 && othersOptional ? texts[0] : undefined;
  }

  get inputWidths(): Record<string, number> {
    return Object.fromEntries(this.layout.map((l) => [l.name, l.width]));
  }

  /**
   * `path(i)` names row i in error messages, e.g. `features`, `instances[3]` or `texts[3]`. A string
   * row is the seed feature's text; with `bareTexts` every row is (`{"texts": [...]}`), whatever its type.
   */
  encode(
    rows: unknown[],
    path: (i: number) => string,
    errors: FieldError[],
    bareTexts = false,
  ): EncodedBatch {
    const n = rows.length;
    const tensors: EncodedTensor[] = this.layout.map((l) =>
      l.text
        ? {
            name: l.name,
            kind: 'string',
            width: l.width,
            rank: l.rank,
            data: new Array<string>(n * l.width).fill(''),
          }
        : { name: l.name, kind: 'float32', width: l.width, data: new Float32Array(n * l.width) },
    );
    const values: Record<string, RawValue>[] = new Array(n);
    const notes: TruncationNote[] = [];
    const tokenTexts: string[] = this.tokens ? new Array<string>(n).fill('') : [];
    const bare = (r: number) => this.seedFeature !== undefined && (bareTexts || typeof rows[r] === 'string');
    const fieldOf = (r: number, feature: FeatureSpec): string =>
      bare(r)
        ? path(r)
        : Array.isArray(rows[r])
          ? `${path(r)}[${this.manifest.features.indexOf(feature)}]`
          : `${path(r)}.${feature.name}`;
    for (let r = 0; r < n; r++) {
      const named = bare(r) ? { [this.seedFeature!.name]: rows[r] } : this.toNamed(rows[r], path(r), errors);
      values[r] = {};
      if (!named) continue;
      for (let t = 0; t < this.layout.length; t++) {
        const { columns, width } = this.layout[t];
        const tensor = tensors[t];
        for (const { feature, offset } of columns) {
          const raw = named[feature.name];
          const field = fieldOf(r, feature);
          const at = r * width + offset;
          if (feature.type !== 'text') {
            values[r][feature.name] = writeTabular(
              feature,
              raw,
              tensor.data as Float32Array,
              at,
              field,
              errors,
            );
            continue;
          }
          const text = checkText(feature, raw, field, r, errors, notes);
          values[r][feature.name] = text === undefined ? null : (raw as string);
          if (text !== undefined) (tensor.data as string[])[at] = text;
        }
      }
      if (this.tokens) {
        const feature = this.manifest.features[0] as TextFeature;
        const raw = named[feature.name];
        const text = checkText(feature, raw, fieldOf(r, feature), r, errors, notes);
        values[r][feature.name] = text === undefined ? null : (raw as string);
        if (text !== undefined) tokenTexts[r] = text;
      }
    }
    if (this.tokens) {
      const feature = this.manifest.features[0];
      tensors.push(...this.tokens.encode(tokenTexts, (r) => fieldOf(r, feature), notes));
    }
    const batch: EncodedBatch = { tensors, values, rows: n };
    if (notes.length > 0) batch.truncated = notes;
    return batch;
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
}
