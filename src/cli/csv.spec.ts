import { csvField, csvRecords } from './csv';

async function parse(text: string, chunk: number): Promise<string[][]> {
  const chunks = async function* () {
    for (let i = 0; i < text.length; i += chunk) yield text.slice(i, i + chunk);
  };
  const out: string[][] = [];
  for await (const r of csvRecords(chunks())) out.push(r);
  return out;
}

describe(csvRecords.name, () => {
  const text = 'a,b,c\r\n1,"x, ""quoted""",\n2,"two\nlines","end"""\n\n3,,z';
  const expected = [
    ['a', 'b', 'c'],
    ['1', 'x, "quoted"', ''],
    ['2', 'two\nlines', 'end"'],
    ['3', '', 'z'],
  ];

  it('reads quotes, escapes, embedded newlines, CRLF and a last line without one, split anywhere', async () => {
    for (const size of [1, 2, 3, 5, 7, 1000]) await expect(parse(text, size)).resolves.toEqual(expected);
  });

  it('refuses a file that ends inside quotes', async () => {
    await expect(parse('a,"open\n', 4)).rejects.toThrow('inside a quoted field');
  });

  it('writes fields back so they read the same', async () => {
    const line = expected[2].map(csvField).join(',');
    await expect(parse(`${line}\n`, 3)).resolves.toEqual([expected[2]]);
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });
});
