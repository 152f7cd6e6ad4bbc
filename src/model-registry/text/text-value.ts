import { FieldError } from '../../common/errors/domain-error';
import { TruncationNote } from '../encoded-batch';
import { TextFeature } from '../manifest';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Unicode code points, which is what "characters" means for maxLength (an emoji is one). */
export function codePointLength(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

/** The first `max` code points. */
function firstCodePoints(text: string, max: number): string {
  let i = 0;
  for (let n = 0; n < max && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, i);
}

/**
 * A text feature's value checked: a string of valid UTF-16 (a lone surrogate cannot be encoded as
 * UTF-8 for the graph, the tokenizer or Postgres), with no NUL (onnxruntime's string tensors end at
 * one), at most maxLength characters or truncated to it when the manifest says so. Returns the text
 * the model sees ('' for an absent optional one), or undefined after recording an error.
 */
export function checkText(
  f: TextFeature,
  raw: unknown,
  field: string,
  row: number,
  errors: FieldError[],
  notes: TruncationNote[],
): string | undefined {
  if (raw === undefined || raw === null) {
    if (!f.required) return '';
    errors.push({ field, message: 'is required' });
    return undefined;
  }
  if (typeof raw !== 'string') {
    errors.push({ field, message: `must be a string, got ${Array.isArray(raw) ? 'array' : typeof raw}` });
    return undefined;
  }
  const lone = LONE_SURROGATE.exec(raw);
  if (lone) {
    errors.push({ field, message: `is not valid UTF-16: a lone surrogate at index ${lone.index}` });
    return undefined;
  }
  if (raw.includes('\u0000')) {
    errors.push({ field, message: 'must not contain a NUL character' });
    return undefined;
  }
  // a string is never longer in code points than in UTF-16 units: most texts skip the count
  if (raw.length <= f.maxLength) return raw;
  const length = codePointLength(raw);
  if (length <= f.maxLength) return raw;
  if (f.overLength === 'reject') {
    errors.push({ field, message: `must be at most ${f.maxLength} characters, got ${length}` });
    return undefined;
  }
  notes.push({ row, field, unit: 'characters', from: length, to: f.maxLength });
  return firstCodePoints(raw, f.maxLength);
}
