import { Logger, Provider } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { PredictionLogEvents } from '../prediction-log.events';
import { DiskJournal } from './disk-journal';
import { PredictionLogJournal } from './journal';

/**
 * One subdirectory per database, so a journal is only ever replayed into the database its
 * records were meant for (and test databases never share one).
 */
export function journalDirectory(config: AppConfig): string {
  let database = 'default';
  try {
    database = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1)) || database;
  } catch {
    // loadConfig has validated the URL; keep the default name if it still does not parse
  }
  return join(config.predictionLog.journal.dir, database.replace(/[^A-Za-z0-9_.-]/g, '_'));
}

export const journalProvider: Provider = {
  provide: PredictionLogJournal,
  inject: [APP_CONFIG, PredictionLogEvents],
  useFactory: (config: AppConfig, events: PredictionLogEvents) => {
    const logger = new Logger('PredictionLogJournal');
    const { maxBytes, segmentBytes, fsync, fsyncIntervalMs } = config.predictionLog.journal;
    return new DiskJournal({
      dir: journalDirectory(config),
      maxBytes,
      segmentBytes,
      fsync,
      fsyncIntervalMs,
      warn: (message) => logger.warn(message),
      onDamaged: (count) => events.dropped(count, 'journal_damaged'),
      onTorn: (count) => events.dropped(count, 'journal_torn'),
    });
  },
};
