import { maskPatterns } from './patterns';

// Control characters other than \t go (NUL would also break jsonb); line breaks become a space so a
// value cannot forge a log line; lone surrogates become U+FFFD because jsonb rejects them.
const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\r\n|[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_BREAKS = new Set(['\r\n', '\n', '\r', '\u2028', '\u2029']);

// Text past this many times the limit is never scanned, so a 1 MB value costs what 4 KB does.
const SCAN_FACTOR = 4;

export function cleanChars(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => (LINE_BREAKS.has(c) ? ' ' : c >= '\ud800' ? '\ufffd' : ''));
}

/** Cleaning comes first so that a NUL or a line break cannot hide an e-mail from the patterns. */
export function scrubText(text: string): string {
  return maskPatterns(cleanChars(text));
}

/**
 * scrubText, then cut to `max` UTF-16 code units with a '…[truncated N chars]' marker. Masking runs
 * before the cut so that a card straddling the limit is masked whole rather than half leaked.
 */
export function scrubBounded(raw: string, max: number): string {
  const scanned = raw.length > max * SCAN_FACTOR ? dropPartialToken(raw.slice(0, max * SCAN_FACTOR)) : raw;
  const unscanned = raw.length - scanned.length;
  const masked = scrubText(scanned);
  if (masked.length <= max && unscanned === 0) return masked;
  let cut = Math.min(max, masked.length);
  const last = masked.charCodeAt(cut - 1);
  if (cut < masked.length && last >= 0xd800 && last <= 0xdbff) cut--; // a split pair is a lone surrogate
  return `${masked.slice(0, cut)}…[truncated ${masked.length - cut + unscanned} chars]`;
}

// Cutting unscanned text mid-token could leave half an e-mail or card that no longer matches.
function dropPartialToken(text: string): string {
  for (let i = text.length - 1; i >= Math.max(0, text.length - 64); i--) {
    if (/\s/.test(text[i])) return text.slice(0, i + 1);
  }
  return text;
}
