import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SpanKind, trace } from '@opentelemetry/api';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { endWith, tracer } from '../../common/tracing/tracing';
import { LogBatch } from './log-batch';

/** Port for writing the prediction log; the writer depends on this, not on TypeORM. */
export abstract class PredictionLogRepository {
  /** Inserts the batch; a record whose id already exists is skipped, so replays are harmless. */
  abstract insertMany(batch: LogBatch): Promise<number>;
}

const UNIQUE_VIOLATION = '23505';
const STAGING = 'prediction_log_staging';
// a per-session table that empties at every commit: the rows of a batch that holds existing ids
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS ${STAGING} (LIKE prediction_log INCLUDING DEFAULTS)
  ON COMMIT DELETE ROWS`;

const copyInto = (table: string, columns: readonly string[]) =>
  `COPY ${table} (${columns.join(', ')}) FROM STDIN`;

@Injectable()
export class TypeOrmPredictionLogRepository extends PredictionLogRepository {
  /** Pool connections whose session has the staging table. */
  private readonly staged = new WeakSet<PoolClient>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  /**
   * COPY, which Postgres takes with about a third less CPU per row than an INSERT (BENCHMARKS.md).
   * COPY cannot skip existing ids, so a batch that holds one (a journal replay after a crash, or a
   * write whose success never reached us) fails as a whole and is staged instead: copied into a
   * temporary table and inserted from there, skipping what is stored.
   */
  async insertMany(batch: LogBatch): Promise<number> {
    if (batch.rows.length === 0) return 0;
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      try {
        await copy(client, copyInto('prediction_log', batch.columns), batch.rows);
        return batch.rows.length;
      } catch (err) {
        if ((err as { code?: unknown }).code !== UNIQUE_VIOLATION) throw err;
      }
      return await this.insertStaged(client, batch);
    } finally {
      await runner.release();
    }
  }

  private async insertStaged(client: PoolClient, batch: LogBatch): Promise<number> {
    const columns = batch.columns.join(', ');
    await client.query('BEGIN');
    try {
      if (!this.staged.has(client)) await client.query(CREATE_STAGING);
      await copy(client, copyInto(STAGING, batch.columns), batch.rows);
      const inserted = await client.query(
        `INSERT INTO prediction_log (${columns}) SELECT ${columns} FROM ${STAGING} ON CONFLICT DO NOTHING`,
      );
      await client.query('COMMIT');
      this.staged.add(client);
      return inserted.rowCount ?? 0;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }
}

// the pg instrumentation traces queries but not COPY streams: this is its span, in its conventions
function copySpan(statement: string) {
  return {
    kind: SpanKind.CLIENT,
    attributes: {
      'db.system.name': 'postgresql',
      'db.operation.name': 'COPY',
      'db.collection.name': 'prediction_log',
      'db.query.text': statement,
    },
  };
}

function copy(client: PoolClient, statement: string, rows: readonly Buffer[]): Promise<void> {
  // like the pg instrumentation here (requireParentSpan), no trace of its own for untraced work
  const span = trace.getActiveSpan()
    ? tracer.startSpan('COPY prediction_log', copySpan(statement))
    : undefined;
  const done = new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(statement));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(rows.length === 1 ? rows[0] : Buffer.concat(rows as Buffer[]));
  });
  return span ? endWith(span, done) : done;
}
