import { Module } from '@nestjs/common';
import { InferenceRunner } from './inference-runner';
import { PredictionLogEvents } from './log/prediction-log.events';
import { PredictionLogRepository, TypeOrmPredictionLogRepository } from './log/prediction-log.repository';
import { PredictionLogWriter } from './log/prediction-log.writer';
import { PredictionController } from './prediction.controller';
import { PredictionEvents } from './prediction.events';
import { PredictionService } from './prediction.service';

@Module({
  controllers: [PredictionController],
  providers: [
    PredictionService,
    InferenceRunner,
    PredictionLogWriter,
    PredictionEvents,
    PredictionLogEvents,
    { provide: PredictionLogRepository, useClass: TypeOrmPredictionLogRepository },
  ],
  exports: [PredictionService, PredictionLogWriter, PredictionLogRepository, InferenceRunner],
})
export class PredictionModule {}
