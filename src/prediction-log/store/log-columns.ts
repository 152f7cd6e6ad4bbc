import { getMetadataArgsStorage } from 'typeorm';
import { PredictionRecord } from '../record/prediction-record';
import { PredictionLogEntity } from './prediction-log.entity';

/** The column kinds of the log, as Postgres names them in a record definition. */
export type ColumnKind = 'uuid' | 'text' | 'timestamptz' | 'jsonb' | 'float8' | 'boolean';

export interface LogColumn {
  /** The record's property. */
  property: keyof PredictionRecord;
  /** The database column. */
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /**
   * What a record without this property stores: the column's default, `{}` for a NOT NULL jsonb,
   * else NULL. Journals written before a column existed replay with it.
   */
  absent: unknown;
}

const KINDS: Record<string, ColumnKind> = {
  uuid: 'uuid',
  text: 'text',
  timestamptz: 'timestamptz',
  jsonb: 'jsonb',
  'double precision': 'float8',
  boolean: 'boolean',
};

/**
 * Every column of prediction_log in declaration order, read from the entity's decorators: the
 * writes (COPY and the INSERT fallback) follow the entity, so the row shape is defined once.
 */
export const LOG_COLUMNS: readonly LogColumn[] = getMetadataArgsStorage()
  .columns.filter((c) => c.target === PredictionLogEntity)
  .map((c) => {
    const type = String(c.options.type);
    const kind = KINDS[type];
    if (!kind) throw new Error(`prediction_log.${c.propertyName}: no writer for column type ${type}`);
    const nullable = c.options.nullable === true;
    return {
      property: c.propertyName as keyof PredictionRecord,
      name: c.options.name ?? c.propertyName,
      kind,
      nullable,
      absent: c.options.default ?? (kind === 'jsonb' && !nullable ? {} : null),
    };
  });

// a journal line is read back by its first 36 characters: the prediction id
if (LOG_COLUMNS[0]?.name !== 'id') throw new Error('prediction_log: id must be the first column');

export const COLUMN_NAMES = LOG_COLUMNS.map((c) => c.name);

/** The record's value of a column, or what its absence stores (NULL only where the column allows). */
export function columnValue(record: PredictionRecord, column: LogColumn): unknown {
  const value = record[column.property] as unknown;
  if (value === undefined || (value === null && !column.nullable)) return column.absent;
  return value;
}
