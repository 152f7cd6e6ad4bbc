import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Entry for the TypeORM CLI (`npm run migrate`, `typeorm migration:generate`). */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? ''));
