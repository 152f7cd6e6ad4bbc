import { parseCsv } from './reference-csv';

describe(parseCsv.name, () => {
  it('reads quoted fields, escaped quotes, CRLF, a BOM and empty cells', () => {
    const t = parseCsv('\uFEFFa,b,c\r\n1,"x, ""y""",\r\n2,plain,3\r\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.rows).toBe(2);
    expect(t.columns).toEqual([
      ['1', '2'],
      ['x, "y"', 'plain'],
      ['', '3'],
    ]);
  });

  it('names the row whose width differs from the header, and an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow('row 3 has 1 cells, the header 2');
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/);
    expect(() => parseCsv('')).toThrow(/empty/);
  });
});
