import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * The one DataSource options factory, shared by the application and the migration CLI,
 * so both always agree on entities and migrations. Never `synchronize`: the schema is
 * owned by the migrations folder.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  const root = join(__dirname, '..', '..');
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(root, 'src', '**', '*.entity.{ts,js}')],
    migrations: [join(root, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'sightline_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: 10,
      // a dead database must fail a query quickly instead of stalling the log writer forever
      connectionTimeoutMillis: 3000,
      application_name: 'sightline',
    },
  };
}
