import { Module } from '@nestjs/common';
import { journalProvider } from './journal/journal.provider';
import { PredictionLog } from './prediction-log';
import { PredictionLogWriter } from './writer/prediction-log.writer';
import { PredictionLogReader } from './read/prediction-log.reader';
import { PredictionRecordFactory } from './record/record-factory';
import { PredictionLogRepository, TypeOrmPredictionLogRepository } from './store/prediction-log.repository';
import { TracedPredictionLogRepository } from './store/traced-prediction-log.repository';

/**
 * The prediction log: it owns the prediction_log table, its journal and its writer. Other
 * modules get the facade (PredictionLog), the record factory and the read repository; its
 * events port (PredictionLogEvents) is bound by the telemetry module.
 */
@Module({
  providers: [
    PredictionLog,
    PredictionRecordFactory,
    PredictionLogReader,
    PredictionLogWriter,
    journalProvider,
    TypeOrmPredictionLogRepository,
    {
      provide: PredictionLogRepository,
      inject: [TypeOrmPredictionLogRepository],
      useFactory: (store: TypeOrmPredictionLogRepository) => new TracedPredictionLogRepository(store),
    },
  ],
  exports: [PredictionLog, PredictionRecordFactory, PredictionLogReader],
})
export class PredictionLogModule {}
