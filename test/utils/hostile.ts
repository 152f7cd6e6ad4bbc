/*
 * Hostile request material for the fuzz test: a seeded generator (the same seed gives the same
 * requests, so a failure can be replayed) and the planted values whose absence from the database
 * and the logs the test asserts.
 */

/** Personal data planted in requests: none of it may reach a table or a log line as written. */
export const PLANTED = {
  emails: ['fuzz.victim@example.org', 'Fuzz.Victim+tag@sub.example.co.uk', 'josé.fuzzvictim@exämple.com'],
  cards: ['4111 1111 1111 1111', '4111111111111111', '5555-5555-5555-4444', '378282246310005'],
  phones: ['+44 20 7946 0958', '(202) 555-0143', '+14155552671'],
};
/** Card numbers as JSON numbers (the sanitizer masks those too). */
export const PLANTED_CARD_NUMBERS = [4111111111111111, 5555555555554444];
export const SCRIPT = `<script>alert("sl-canary")</script>`;

/** What must not be found, as regular expressions over stored or logged text. */
export function plantedPatterns(): RegExp[] {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    /fuzz\.?victim/i,
    ...PLANTED.cards.map((c) => new RegExp(esc(c))),
    ...PLANTED.cards.map((c) => new RegExp(`(?<!\\d)${c.replace(/\D/g, '')}(?!\\d)`)),
    ...PLANTED.phones.map((p) => new RegExp(esc(p))),
    /7946 ?0958|555-0143|4155552671/,
  ];
}

const UNICODE = [
  '\u202eevil\u202c', // right-to-left override
  'zero\u200bwidth\u200d',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '🧨💥👩‍👩‍👧‍👦',
  '\ufeffbom',
  'nul\u0000byte',
  'line\nbreak\r\n{"level":"fatal","msg":"forged"}',
  'sep\u2028arator\u2029',
  '\u0085next-line',
  'ｆｕｌｌｗｉｄｔｈ',
  '\u{10ffff}',
];

const INJECTION = [
  "'; DROP TABLE prediction_log; --",
  '1 OR 1=1',
  "' UNION SELECT secret_hash FROM api_key --",
  '$(rm -rf /)',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  SCRIPT,
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg/onload=alert(1)>',
];

const NUMBERS = [
  0,
  -0,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  2 ** 53 + 1,
  -(2 ** 31),
  0.1 + 0.2,
  ...PLANTED_CARD_NUMBERS,
];
// literal JSON text: parsed to Infinity, 0 or a lossy double
const NUMBER_TEXT = ['1e999', '-1e999', '1e-400', '123456789012345678901234567890', '-0.0e-0'];

export class Hostile {
  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.random() < p;
  }

  pii(): string {
    return this.pick([...PLANTED.emails, ...PLANTED.cards, ...PLANTED.phones]);
  }

  string(): string {
    switch (this.int(6)) {
      case 0:
        return this.pii();
      case 1:
        return this.pick(UNICODE);
      case 2:
        return this.pick(INJECTION);
      case 3:
        return `contact ${this.pii()} or ${this.pii()} ${this.pick(INJECTION)}`;
      case 4:
        return 'x'.repeat(this.pick([255, 1025, 9000, 70_000]));
      default:
        return this.pick(['', ' ', 'null', 'NaN', 'Infinity', 'true', '__proto__', 'constructor']);
    }
  }

  /** Any JSON value, at most `depth` levels of containers. */
  value(depth = 3): unknown {
    const kind = this.int(depth > 0 ? 8 : 5);
    if (kind === 0) return this.string();
    if (kind === 1) return this.pick(NUMBERS);
    if (kind === 2) return this.pick([null, true, false]);
    if (kind === 3) return this.pii();
    if (kind === 4) return this.int(1000) - 500;
    if (kind === 5) return Array.from({ length: this.int(5) }, () => this.value(depth - 1));
    const out: Record<string, unknown> = {};
    for (let i = this.int(5); i > 0; i--) {
      out[this.chance(0.3) ? this.string().slice(0, 300) : `k${i}`] = this.value(depth - 1);
    }
    return out;
  }

  /** `base` with random leaves replaced, keys added or types swapped. */
  mutate(base: unknown, depth = 0): unknown {
    if (depth > 4 || base === null || typeof base !== 'object') {
      return this.chance(0.5) ? this.value(2) : base;
    }
    if (Array.isArray(base)) {
      const copy = base.map((item) => (this.chance(0.3) ? this.mutate(item, depth + 1) : item));
      if (this.chance(0.2)) copy.push(this.value(2));
      return this.chance(0.1) ? this.value(1) : copy;
    }
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(base)) {
      if (this.chance(0.1)) continue; // a missing field
      copy[k] = this.chance(0.35) ? this.mutate(v, depth + 1) : v;
    }
    if (this.chance(0.3)) copy[this.chance(0.5) ? this.string().slice(0, 100) : 'extra'] = this.value(2);
    return copy;
  }

  deep(levels: number, leaf: unknown = this.pii()): string {
    const open = this.chance(0.5) ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    return open.repeat(levels) + JSON.stringify(leaf) + close.repeat(levels);
  }

  /** JSON text that no strict parser accepts, or accepts as something odd. */
  malformed(valid: string): string {
    switch (this.int(12)) {
      case 0:
        return valid.slice(0, this.int(valid.length)); // truncated
      case 1:
        return valid.replace(/:(\s*)\d+/, ':$1NaN');
      case 2:
        return valid.replace(/:(\s*)\d+/, `:$1${this.pick(NUMBER_TEXT)}`); // valid JSON, odd number
      case 3:
        return valid.replace(/"/g, "'");
      case 4:
        return valid.replace(/}$/, ',}');
      case 5:
        return `\ufeff${valid}`;
      case 6:
        return `${valid}garbage`;
      case 7:
        return valid.replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},');
      case 8:
        return valid.replace(/^\{/, '{"a":"\\ud800\\udc00\\ud800 lone","b":"raw\ncontrol",');
      case 9:
        return Array.from({ length: 64 }, () => String.fromCharCode(this.int(256))).join('');
      case 10:
        return valid.replace(/^\{/, '{"dup":1,"dup":{"x":2},');
      default:
        return '';
    }
  }
}
