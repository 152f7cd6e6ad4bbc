import { PredictionRecord } from '../record/prediction-record';
import { ColumnKind, columnValue, LOG_COLUMNS } from './log-columns';

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: the four characters it treats specially are escaped. */
function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c]) : value;
}

const NULL = '\\N';

// float8 reads NaN, Infinity and -Infinity by name, which is how String() spells them
const ENCODE: Record<ColumnKind, (value: unknown) => string> = {
  uuid: (v) => String(v),
  text: (v) => text(String(v)),
  timestamptz: (v) => (v as Date).toISOString(),
  jsonb: (v) => text(JSON.stringify(v)),
  float8: (v) => String(v),
  boolean: (v) => (v ? 't' : 'f'),
};

const FIELDS = LOG_COLUMNS.map((column) => ({ column, encode: ENCODE[column.kind] }));

/**
 * One record as a row of `COPY prediction_log (COLUMN_NAMES) FROM STDIN` in text format:
 * tab-separated, `\N` for NULL, no newline. The same values the staged INSERT fallback writes:
 * the insert e2e spec (test/e2e/prediction-log-insert) checks what Postgres stores.
 */
export function copyLine(r: PredictionRecord): string {
  let line = '';
  for (let i = 0; i < FIELDS.length; i++) {
    const { column, encode } = FIELDS[i];
    const value = columnValue(r, column);
    line += (i === 0 ? '' : '\t') + (value === null ? NULL : encode(value));
  }
  return line;
}
