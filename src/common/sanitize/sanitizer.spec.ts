import { FieldAction, Sanitizer } from './sanitizer';

const hmacKey = 'unit-test-key-0123456789';

describe(Sanitizer.name, () => {
  const s = new Sanitizer({ hmacKey });
  const clean = (value: unknown, fields?: Record<string, FieldAction>): unknown => s.sanitize(value, fields);

  describe('e-mail addresses', () => {
    it.each([
      ['plain', 'a@b.io', '[email]'],
      ['plus-addressing', 'john.doe+newsletter@example.com', '[email]'],
      ['subdomains and uppercase', 'John.Doe@Mail.EXAMPLE.co.uk', '[email]'],
      [
        'in a sentence, keeping the full stop',
        'Write to ops-team@corp.example.org. Thanks!',
        'Write to [email]. Thanks!',
      ],
      ['several, with _ and %', 'a@x.io,b@y.io; <c_d%e@z-z.dev>', '[email],[email]; <[email]>'],
      ['internationalised', 'josé@exämple.com', '[email]'],
      ['hidden by a NUL byte', 'john\u0000@example.com', '[email]'],
      [
        'not addresses: no dot in the domain, handles',
        'x@localhost and @handle and a@b',
        'x@localhost and @handle and a@b',
      ],
    ])('%s', (_name, input, expected) => {
      expect(clean(input)).toBe(expected);
    });
  });

  describe('payment cards', () => {
    it.each([
      ['spaces', '4111 1111 1111 1111', '[card]'],
      ['dashes', '4111-1111-1111-1111', '[card]'],
      ['unbroken', '4111111111111111', '[card]'],
      ['Amex 15 digits, 4-6-5', 'amex 378282246310005 / 3782 822463 10005', 'amex [card] / [card]'],
      ['13 digits', '4222222222222', '[card]'],
      ['19 digits, 4-4-4-4-3', '6011 0009 9013 9429 123', '[card]'],
      ['in a sentence', 'Card: 5555-5555-5555-4444, exp 12/27', 'Card: [card], exp 12/27'],
      ['followed by a CVV in the same run', '4111 1111 1111 1111 123', '[card] 123'],
      ['after a date', '2024-01-15 4111 1111 1111 1111', '2024-01-15 [card]'],
      ['Luhn-invalid, spaced', '4111 1111 1111 1112', '4111 1111 1111 1112'],
      ['Luhn-invalid, dashed (not a phone either)', '1234-5678-9012-3456', '1234-5678-9012-3456'],
      ['Luhn-invalid, unbroken', '4111111111111112', '4111111111111112'],
      ['decimal fraction', '0.4111111111111111', '0.4111111111111111'],
      ['thousands separators', '4,111,111,111,111,111', '4,111,111,111,111,111'],
      ['unbroken run over 19 digits is an id', 'id 41111111111111111111111', 'id 41111111111111111111111'],
    ])('%s', (_name, input, expected) => {
      expect(clean(input)).toBe(expected);
    });

    it('masks 13–19 digit integers that pass Luhn, and only those', () => {
      expect(clean([4111111111111111, -4111111111111111, 378282246310005, 4111111111111112])).toStrictEqual([
        '[card]',
        '[card]',
        '[card]',
        4111111111111112,
      ]);
      // the price of catching numeric cards: a Luhn-valid epoch-ms timestamp is masked too
      expect(clean([1705312345674, 1705312345678, 411111111111])).toStrictEqual([
        '[card]',
        1705312345678,
        411111111111,
      ]);
      expect(clean(4111111111111111n)).toBe('[card]');
    });
  });

  describe('phone numbers', () => {
    it.each([
      '+44 20 7946 0958',
      '(555) 123-4567',
      '(555)123-4567',
      '555-123-4567',
      '555.123.4567',
      '555 123 4567',
      '+1-202-555-0143',
      '+1 (202) 555-0143',
      '+49 (0)30 1234567',
      '+33 1 23 45 67 89',
      '+442079460958',
      '1-800-555-0199',
    ])('masks %s', (input) => {
      expect(clean(input)).toBe('[phone]');
    });

    it('masks phones inside text', () => {
      expect(clean('Call +44 20 7946 0958 or (555) 123-4567.')).toBe('Call [phone] or [phone].');
    });

    it.each([
      '2024-01-15',
      '2024-01-15T10:30:00.000Z',
      '2024-01-15T10:30:00+05:30',
      'v1.2.3',
      '1.2.345',
      '3.14159265358979',
      '-0.000123',
      '1,234,567.89',
      '10.0.0.1',
      '192.168.100.200',
      '1.5e+10',
      '42',
      '555-1234',
      '12345678901',
      '+12345678901234567',
      'order-555-123-4567',
      'uuid 123e4567-e89b-12d3-a456-426614174000',
    ])('leaves %s alone', (input) => {
      expect(clean(input)).toBe(input);
    });
  });

  describe('field rules', () => {
    const ruled = new Sanitizer({ hmacKey, fields: { SSN: 'drop', Email: 'mask', customer_id: 'hash' } });

    it('applies global rules at any depth, case-insensitively', () => {
      const input = { ssn: '1', a: { b: [{ Ssn: '2', EMAIL: 'x', CUSTOMER_ID: 42, keep: 'y' }] } };
      expect(ruled.sanitize(input)).toStrictEqual({
        a: { b: [{ EMAIL: '[masked]', CUSTOMER_ID: s.hash('42'), keep: 'y' }] },
      });
    });

    it('masks any value and hashes objects by canonical JSON', () => {
      const input = { email: { deep: 1 }, Email: null, customer_id: { b: 1, a: 2 }, CUSTOMER_ID: [1, 'x'] };
      expect(ruled.sanitize(input)).toStrictEqual({
        email: '[masked]',
        Email: '[masked]',
        customer_id: 'hmac:3e183276a62fd8f5632c31ab6f9bc25a',
        CUSTOMER_ID: s.hash('[1,"x"]'),
      });
      expect(ruled.sanitize({ customer_id: { a: 2, b: 1 } })).toStrictEqual({
        customer_id: s.hash('{"a":2,"b":1}'),
      });
    });

    it('fails closed when a hashed object cannot be serialised', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(ruled.sanitize({ customer_id: cyclic })).toStrictEqual({ customer_id: '[masked]' });
    });

    it('adds per-call rules, the stricter rule winning, without leaking into later calls', () => {
      const input = { customer_id: 7, ssn: 'x', note: 'n' };
      expect(ruled.sanitize(input, { CUSTOMER_ID: 'drop', ssn: 'hash', Note: 'mask' })).toStrictEqual({
        note: '[masked]',
      });
      expect(ruled.sanitize(input)).toStrictEqual({ customer_id: s.hash('7'), note: 'n' });
    });

    it('matches keys after cleaning, and omits undefined even under a rule', () => {
      expect(ruled.sanitize({ 'ssn\u0000': 'x', email: undefined })).toStrictEqual({});
    });

    it('rejects unknown actions and bad options', () => {
      expect(() => new Sanitizer({ hmacKey, fields: { a: 'shred' as FieldAction } })).toThrow(
        'Unknown sanitize action',
      );
      expect(() => new Sanitizer({ hmacKey: '' })).toThrow('hmacKey');
      expect(() => new Sanitizer({ hmacKey, maxDepth: 0 })).toThrow('maxDepth');
    });
  });

  describe('hash', () => {
    it('is stable, keyed and input-dependent', () => {
      expect(s.hash('alice')).toBe('hmac:71c9dfe969dc36d0abd330aa554ca384');
      expect(new Sanitizer({ hmacKey }).hash('alice')).toBe('hmac:71c9dfe969dc36d0abd330aa554ca384');
      expect(new Sanitizer({ hmacKey: 'another-key-0123456789' }).hash('alice')).toBe(
        'hmac:429bab8e62ede6513a0e0891efc6d6e1',
      );
      expect(s.hash('42')).toBe('hmac:df3420abcac6c431b6db2a4257ab4abc');
    });
  });

  describe('structure', () => {
    it('copies nested objects and arrays, masking strings and keys', () => {
      const input = {
        user: { contact: { email: 'x@y.io', phones: ['555-123-4567', 'n/a'] } },
        scores: [1, 2.5, -3, 0],
        ok: true,
        none: null,
        'bob@example.com': 1,
        'amy@example.com': 2,
        '+44 20 7946 0958': 'uk',
      };
      expect(clean(input)).toStrictEqual({
        user: { contact: { email: '[email]', phones: ['[phone]', 'n/a'] } },
        scores: [1, 2.5, -3, 0],
        ok: true,
        none: null,
        '[email]': 1,
        '[email]#2': 2,
        '[phone]': 'uk',
      });
    });

    it('drops dangerous keys, leaving Object.prototype clean', () => {
      const input: unknown = JSON.parse(
        '{"__proto__": {"polluted": 1}, "a": {"__proto__": {"polluted": 2}, "constructor": 1, "prototype": 2, "__proto__\\u0000": 3}}',
      );
      const out = clean(input) as Record<string, unknown>;
      expect(out).toStrictEqual({ a: {} });
      expect(Object.keys(out)).toStrictEqual(['a']);
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('converts non-JSON values', () => {
      const input = {
        nan: NaN,
        inf: -Infinity,
        big: 12345678901234567890n,
        date: new Date(0),
        badDate: new Date(NaN),
        buf: Buffer.from('abc'),
        floats: new Float64Array(2),
        raw: new ArrayBuffer(5),
        fn: () => 1,
        sym: Symbol('s'),
        undef: undefined,
        holes: [undefined, () => 1, Symbol('t'), 1],
        map: new Map([['k', 'a@b.io']]),
        set: new Set([1, 2]),
        err: new Error('failed for a@b.io'),
        url: new URL('https://example.com/a'),
      };
      expect(clean(input)).toStrictEqual({
        nan: null,
        inf: null,
        big: '12345678901234567890',
        date: '1970-01-01T00:00:00.000Z',
        badDate: null,
        buf: '[binary 3 bytes]',
        floats: '[binary 16 bytes]',
        raw: '[binary 5 bytes]',
        holes: [null, null, null, 1],
        map: { k: '[email]' },
        set: [1, 2],
        err: 'Error: failed for [email]',
        url: 'https://example.com/a',
      });
      expect(clean(undefined)).toBeNull();
    });

    it('marks cycles but copies shared references', () => {
      const cyclic: Record<string, unknown> = { a: 1 };
      cyclic.self = cyclic;
      cyclic.list = [cyclic];
      const shared = { x: 1 };
      expect(clean({ cyclic, pair: [shared, shared] })).toStrictEqual({
        cyclic: { a: 1, self: '[cycle]', list: ['[cycle]'] },
        pair: [{ x: 1 }, { x: 1 }],
      });
    });

    it('reports a throwing getter as unreadable instead of throwing', () => {
      const input = {
        ok: 1,
        odd: Object.defineProperty({}, 'boom', {
          enumerable: true,
          get: () => {
            throw new Error('x');
          },
        }),
      };
      expect(clean(input)).toStrictEqual({ ok: 1, odd: '[unreadable]' });
    });
  });

  describe('limits', () => {
    const nest = (levels: number, leaf: unknown): unknown => {
      let value = leaf;
      for (let i = 0; i < levels; i++) value = { d: value };
      return value;
    };

    it('replaces structures deeper than maxDepth, even absurdly deep ones', () => {
      expect(clean(nest(12, 'leaf'))).toStrictEqual(nest(8, '[too deep]'));
      expect(clean(nest(8, 'leaf'))).toStrictEqual(nest(8, 'leaf'));
      expect(clean(nest(100_000, 'leaf'))).toStrictEqual(nest(8, '[too deep]'));
      expect(new Sanitizer({ hmacKey, maxDepth: 2 }).sanitize({ a: { b: { c: 1 } } })).toStrictEqual({
        a: { b: '[too deep]' },
      });
    });

    it('caps keys and array items', () => {
      const small = new Sanitizer({ hmacKey, maxKeys: 3, maxArrayItems: 3 });
      expect(small.sanitize({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toStrictEqual({
        a: 1,
        b: 2,
        c: 3,
        __truncated_keys: 2,
      });
      expect(small.sanitize([1, 2, 3, 4, 5])).toStrictEqual([1, 2, 3, '…[truncated 2 items]']);
    });

    it('truncates long strings after masking, never splitting a surrogate pair', () => {
      expect(clean('a'.repeat(6024))).toBe(`${'a'.repeat(1024)}…[truncated 5000 chars]`);
      const short = new Sanitizer({ hmacKey, maxStringLength: 10 });
      expect(short.sanitize('xxxxx 4111 1111 1111 1111 tail')).toBe('xxxxx [car…[truncated 7 chars]');
      expect(new Sanitizer({ hmacKey, maxStringLength: 3 }).sanitize('ab😀cd')).toBe(
        'ab…[truncated 4 chars]',
      );
    });

    it('returns from 1 MB adversarial strings', () => {
      expect(clean(`${'a'.repeat(1_000_000)}@`)).toBe(`${'a'.repeat(1024)}…[truncated 998977 chars]`);
      const adversarial = [
        `${'a'.repeat(1_000_000)}@`,
        `${'a_'.repeat(500_000)}@`,
        'a@'.repeat(500_000),
        `x@${'a.'.repeat(500_000)}`,
        '1 '.repeat(500_000),
        '+1 '.repeat(333_333),
        '555-123-'.repeat(125_000),
        'a1.@-+ ('.repeat(125_000),
      ];
      for (const text of adversarial) expect(s.maskText(text) === text).toBe(true);
      expect(s.maskText('4111 1111 1111 1111 '.repeat(52_429)) === '[card] '.repeat(52_429)).toBe(true);
    });
  });

  describe('characters', () => {
    it.each([
      ['NUL and other controls removed, tab kept', 'a\u0000b\u0007c\td\u007f', 'abc\td'],
      [
        'line breaks become spaces, so no forged log line',
        'ok\n{"level":50}\r\nx\ry\u2028z',
        'ok {"level":50} x y z',
      ],
      ['ANSI escapes defused', '\u001b[31mred\u001b[0m', '[31mred[0m'],
      ['lone surrogates replaced', 'a\ud800b\udc00c\ud83d', 'a\ufffdb\ufffdc\ufffd'],
      ['emoji, flags and ZWJ sequences kept', '😀 🇬🇧 👨‍👩‍👧', '😀 🇬🇧 👨‍👩‍👧'],
      ['RTL text and marks kept', 'שלום \u200fעולם مرحبا', 'שלום \u200fעולם مرحبا'],
      ['combining marks and CJK kept', 'e\u0301 中文', 'e\u0301 中文'],
    ])('%s', (_name, input, expected) => {
      expect(clean(input)).toBe(expected);
      expect(s.maskText(input)).toBe(expected);
    });
  });
});
