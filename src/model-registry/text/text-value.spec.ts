import { FieldError } from '../../common/errors/domain-error';
import { TruncationNote } from '../encoded-batch';
import { TextFeature } from '../manifest';
import { checkText, codePointLength } from './text-value';

const feature = (overLength: 'reject' | 'truncate'): TextFeature => ({
  name: 'review',
  type: 'text',
  required: true,
  maxLength: 5,
  overLength,
});

function check(raw: unknown, overLength: 'reject' | 'truncate' = 'reject') {
  const errors: FieldError[] = [];
  const notes: TruncationNote[] = [];
  const text = checkText(feature(overLength), raw, 'text', 3, errors, notes);
  return { text, errors, notes };
}

describe(checkText.name, () => {
  it('counts characters as code points: an emoji or a flag half is one, a lone half is one', () => {
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('🇬🇧')).toBe(2);
    expect(codePointLength('e\u0301')).toBe(2);
    expect(codePointLength('\ud800x')).toBe(2);
    expect(codePointLength('')).toBe(0);
  });

  it('accepts strings up to maxLength characters, empty and whitespace ones included', () => {
    for (const text of ['', '   ', 'hello', '😀😀😀😀😀'])
      expect(check(text)).toEqual({ text, errors: [], notes: [] });
  });

  it('rejects a longer text with its length, or truncates it when the manifest says so', () => {
    expect(check('😀😀😀😀😀😀').errors).toEqual([
      { field: 'text', message: 'must be at most 5 characters, got 6' },
    ]);
    expect(check('😀😀😀😀😀😀', 'truncate')).toEqual({
      text: '😀😀😀😀😀',
      errors: [],
      notes: [{ row: 3, field: 'text', unit: 'characters', from: 6, to: 5 }],
    });
  });

  it.each([
    [42, 'must be a string, got number'],
    [true, 'must be a string, got boolean'],
    [['a'], 'must be a string, got array'],
    [{ text: 'a' }, 'must be a string, got object'],
    ['ab\ud800c', 'is not valid UTF-16: a lone surrogate at index 2'],
    ['\udc00', 'is not valid UTF-16: a lone surrogate at index 0'],
    ['ab\ud83d', 'is not valid UTF-16: a lone surrogate at index 2'],
    ['a\u0000b', 'must not contain a NUL character'],
  ])('refuses %j: %s', (raw, message) => {
    expect(check(raw)).toEqual({ text: undefined, errors: [{ field: 'text', message }], notes: [] });
  });
});
