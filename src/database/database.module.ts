import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { ReadDatabase } from './read-database';

/** The primary DataSource (TypeORM's default) and the read routing beside it (ReadDatabase). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        migrationsRun: config.migrationsRun,
        // fail boot fast on a wrong URL instead of Nest's default 9 retries
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [ReadDatabase],
  exports: [ReadDatabase],
})
export class DatabaseModule {}
