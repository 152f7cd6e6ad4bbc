import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpanKind, trace } from '@opentelemetry/api';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { endWith, tracer } from '../../common/tracing/tracing';
import { PredictionRecord } from '../record/prediction-record';
import { copyRows } from './copy-rows';
import { COLUMN_NAMES, columnValue, LOG_COLUMNS } from './log-columns';

/** Port for writing the prediction log; the writer depends on this, not on TypeORM. */
export abstract class PredictionLogRepository {
  /** Inserts the batch; a record whose id already exists is skipped, so replays are harmless. */
  abstract insertMany(records: PredictionRecord[]): Promise<number>;
}

const UNIQUE_VIOLATION = '23505';
const NAMES = COLUMN_NAMES.join(', ');
const COPY = `COPY prediction_log (${NAMES}) FROM STDIN`;

// The fallback when COPY meets an id that exists: one JSON document for the whole batch, expanded
// server-side, skipping what is there. A JSON null becomes SQL NULL in every column.
const INSERT = `INSERT INTO prediction_log (${NAMES}) SELECT ${NAMES}
FROM json_to_recordset($1::json) AS r(${LOG_COLUMNS.map((c) => `${c.name} ${c.kind}`).join(', ')})
ON CONFLICT DO NOTHING`;

// JSON has no NaN or Infinity; Postgres reads float8 from their names, as COPY sends them
const float = (v: unknown): unknown => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

function toJsonRow(r: PredictionRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const column of LOG_COLUMNS) {
    const value = columnValue(r, column);
    row[column.name] = column.kind === 'float8' ? float(value) : value;
  }
  return row;
}

@Injectable()
export class TypeOrmPredictionLogRepository extends PredictionLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * COPY, which Postgres takes with about a third less CPU per row than the INSERT below
   * (BENCHMARKS.md). COPY cannot skip existing ids, so a batch that holds one (a journal replay,
   * or a write whose success never reached us) fails as a whole and goes through the INSERT.
   */
  async insertMany(records: PredictionRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      try {
        await copy(client, copyRows(records));
        return records.length;
      } catch (err) {
        if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      }
      const result = await runner.query(INSERT, [JSON.stringify(records.map(toJsonRow))], true);
      return result.affected ?? records.length;
    } finally {
      await runner.release();
    }
  }
}

// the pg instrumentation traces queries but not COPY streams: this is its span, in its conventions
const COPY_SPAN = {
  kind: SpanKind.CLIENT,
  attributes: {
    'db.system.name': 'postgresql',
    'db.operation.name': 'COPY',
    'db.collection.name': 'prediction_log',
    'db.query.text': COPY,
  },
};

function copy(client: PoolClient, body: string): Promise<void> {
  // like the pg instrumentation here (requireParentSpan), no trace of its own for untraced work
  const span = trace.getActiveSpan() ? tracer.startSpan('COPY prediction_log', COPY_SPAN) : undefined;
  const done = new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(COPY));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(body);
  });
  return span ? endWith(span, done) : done;
}
