/**
 * RFC 4180 records from text chunks: quoted fields with "" escapes, commas and newlines inside
 * quotes, CRLF or LF line ends. Streaming, so a file of any size is read in constant memory.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let quoteSeen = false;
  let any = false;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (quoteSeen) {
        // a quote ended the previous chunk: an escaped quote, or the end of the quoted field
        quoteSeen = false;
        if (c === '"') {
          field += '"';
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        if (c !== '"') field += c;
        else if (i + 1 === chunk.length) quoteSeen = true;
        else if (chunk[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
        continue;
      }
      any = true;
      if (c === '"' && field === '') quoted = true;
      else if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\n') {
        record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        if (record.length > 1 || record[0] !== '') yield record;
        record = [];
        field = '';
        any = false;
      } else field += c;
    }
  }
  if (quoted && !quoteSeen) throw new Error('the file ends inside a quoted field');
  if (any || record.length > 0) {
    record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    if (record.length > 1 || record[0] !== '') yield record;
  }
}

/** One CSV field, quoted when it has to be. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
