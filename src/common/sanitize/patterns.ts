/*
 * PII patterns for free text. Every regex either starts only where a token starts (a negative
 * lookbehind for its own character class) or has bounded repetition, so a scan is linear in the
 * input: no catastrophic backtracking, whatever the caller sends.
 */

export const EMAIL_MASK = '[email]';
export const CARD_MASK = '[card]';
export const PHONE_MASK = '[phone]';

// \p{L}/\p{N} so that internationalised addresses (josé@exämple.com) are caught too
const EMAIL = /(?<![\p{L}\p{N}_.%+-])[\p{L}\p{N}_.%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

// A maximal run of digits joined by single spaces or dashes. The lookarounds keep decimal
// fractions (0.4111…) and thousands groups (4,111,…) out, and stop a match from starting mid-run.
const DIGIT_RUN = /(?<!\d|\d[ .,-])\d(?:[ -]?\d)*(?!\d|[.,]\d)/g;

const PHONE = new RegExp(
  String.raw`(?<![\w+.-])(?:` +
    // international with separators: +44 20 7946 0958, +1 (202) 555-0143, +49 (0)30 1234567
    String.raw`\+\d{1,3}(?:[ .-]?\(\d{1,4}\)|(?:[ .-]|(?<=\)))\d{1,10}){1,6}` +
    // E.164 without separators; more than 15 digits is an id, not a phone
    String.raw`|\+\d{8,15}` +
    // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-800-555-0199
    String.raw`|(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}` +
    String.raw`)(?!\d|[.-]\d)`,
  'g',
);

/** Masks e-mails, then cards, then phones (so a card is never reported as a phone). */
export function maskPatterns(text: string): string {
  let out = text.includes('@') ? text.replace(EMAIL, EMAIL_MASK) : text;
  if (!/\d/.test(out)) return out;
  out = out.replace(DIGIT_RUN, maskCardsInRun);
  return out.replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 9 ? PHONE_MASK : m));
}

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && luhn(digits);
}

/** People send card numbers as JSON numbers too; 13–19 digits is 1e12 to 1e19. */
export function isCardLikeNumber(n: number): boolean {
  const abs = Math.abs(n);
  return Number.isInteger(abs) && abs >= 1e12 && abs < 1e19 && isCardNumber(String(abs));
}

/*
 * A run may hold a card plus neighbours ("4111 1111 1111 1111 123" with a CVV), so cards are also
 * looked for at group boundaries inside the run, but only in the layouts cards are printed in
 * (4-4-4-4[-1..4], 4-6-4, 4-6-5, or one unbroken group). Windows are never cut inside a group: a
 * 20+ digit unbroken run is an id, and sliding over it would mask random ids one time in ten.
 */
function maskCardsInRun(run: string): string {
  if (run.length < 13) return run;
  const groups = run.split(/[ -]/);
  let out = '';
  let copied = 0; // run[0, copied) is already in out
  let at = 0; // where groups[i] starts in run: every separator is one character
  for (let i = 0; i < groups.length;) {
    const end = cardEnd(groups, i);
    if (end < 0) {
      at += groups[i++].length + 1;
      continue;
    }
    out += run.slice(copied, at) + CARD_MASK;
    for (; i < end; i++) at += groups[i].length + 1;
    copied = at - 1;
  }
  return out ? out + run.slice(copied) : run;
}

function cardEnd(groups: string[], start: number): number {
  // every multi-group layout starts with 4 digits; only the whole run (start 0) may be laid out freely
  if (start > 0 && groups[start].length !== 4) return isCardNumber(groups[start]) ? start + 1 : -1;
  let digits = '';
  let end = -1;
  let fours = true; // every group before j is 4 digits long
  for (let j = start; j < groups.length && digits.length + groups[j].length <= 19; j++) {
    const len = groups[j].length;
    digits += groups[j];
    const amex = j === start + 2 && groups[start].length === 4 && groups[start + 1].length === 6 && len >= 4;
    const whole = start === 0 && j === groups.length - 1;
    if ((j === start || (fours && len <= 4) || amex || whole) && isCardNumber(digits)) end = j + 1;
    fours &&= len === 4;
    if (!fours && j >= start + 2 && start > 0) break; // no layout can match any more
  }
  return end;
}
