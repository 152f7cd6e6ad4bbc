import { PredictionRecord } from './prediction-record';

/** The prediction_log columns a write fills, in the order copyRows writes them, with their types. */
export const LOG_COLUMNS = [
  ['id', 'uuid'],
  ['created_at', 'timestamptz'],
  ['model_name', 'text'],
  ['model_version', 'text'],
  ['status', 'text'],
  ['error_class', 'text'],
  ['inputs', 'jsonb'],
  ['metadata', 'jsonb'],
  ['outputs', 'jsonb'],
  ['predicted_label', 'text'],
  ['predicted_value', 'float8'],
  ['latency_ms', 'float8'],
  ['request_id', 'text'],
  ['trace_id', 'text'],
  ['source', 'text'],
] as const;

export const COPY_COLUMNS = LOG_COLUMNS.map(([name]) => name);

const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: the four characters it treats specially are escaped. */
function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c]) : value;
}

function nullable(value: string | null): string {
  return value === null ? '\\N' : text(value);
}

// float8 reads NaN, Infinity and -Infinity by name, which is how String() spells them
function float(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

function json(value: unknown): string {
  return value === null || value === undefined ? '\\N' : text(JSON.stringify(value));
}

/**
 * The batch as the body of `COPY prediction_log (COPY_COLUMNS) FROM STDIN`: one line per record,
 * tab-separated, `\N` for NULL. The same values the INSERT fallback writes: the insert e2e spec
 * (test/e2e/prediction-log-insert) checks what Postgres stores through both.
 */
export function copyRows(records: readonly PredictionRecord[]): string {
  let out = '';
  for (const r of records) {
    out +=
      `${r.id}\t${r.createdAt.toISOString()}\t${text(r.modelName)}\t${text(r.modelVersion)}\t` +
      `${text(r.status)}\t${nullable(r.errorClass)}\t${json(r.inputs ?? {})}\t${json(r.metadata)}\t` +
      `${json(r.outputs)}\t${nullable(r.predictedLabel)}\t${float(r.predictedValue)}\t` +
      `${float(r.latencyMs)}\t${nullable(r.requestId)}\t${nullable(r.traceId)}\t${text(r.source)}\n`;
  }
  return out;
}
