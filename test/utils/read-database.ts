import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { ReadDatabase } from '../../src/database/read-database';
import { ReadDatabaseEvents } from '../../src/database/read-database.events';

/** Read routing without a replica: every read goes to `primary`. */
export function primaryReads(primary: DataSource): ReadDatabase {
  return new ReadDatabase({ readReplica: undefined } as AppConfig, primary, new ReadDatabaseEvents());
}
