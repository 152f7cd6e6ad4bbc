/**
 * A small RFC 4180 reader for reference.csv: header row, comma separator, double-quoted fields
 * with "" escapes, CRLF or LF line ends. Empty cells are missing values.
 */
export interface CsvTable {
  header: string[];
  /** One array of cells per column, aligned with `header`. */
  columns: string[][];
  rows: number;
}

function records(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      out.push(row);
      row = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (quoted) throw new Error('reference.csv ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    endField();
    out.push(row);
  }
  // a trailing blank line is not a row
  return out.filter((r) => !(r.length === 1 && r[0] === ''));
}

export function parseCsv(text: string): CsvTable {
  const all = records(text.replace(/^\uFEFF/, ''));
  if (all.length === 0) throw new Error('reference.csv is empty');
  const header = all[0].map((h) => h.trim());
  const columns = header.map(() => [] as string[]);
  for (let r = 1; r < all.length; r++) {
    const record = all[r];
    if (record.length !== header.length) {
      throw new Error(`reference.csv row ${r + 1} has ${record.length} cells, the header ${header.length}`);
    }
    record.forEach((cell, c) => columns[c].push(cell));
  }
  return { header, columns, rows: all.length - 1 };
}
