import { Module } from '@nestjs/common';
import { PredictionLogModule } from '../../prediction-log/prediction-log.module';
import { DriftController } from './drift.controller';
import { DriftGauges } from './drift.gauges';
import { DriftLock } from './drift-lock';
import { DriftRunner } from './drift-runner';
import { DriftScheduler } from './drift.scheduler';
import { DriftService } from './drift.service';
import {
  DriftReferenceRepository,
  TypeOrmDriftReferenceRepository,
} from './reference/drift-reference.repository';
import { ReferenceService } from './reference/reference.service';
import { DriftReportRepository, TypeOrmDriftReportRepository } from './report/drift-report.repository';
import { WindowAggregator } from './window/window-aggregator';

/** Drift monitoring: reference profiles, runs on request and on a schedule, reports, gauges. */
@Module({
  imports: [PredictionLogModule],
  controllers: [DriftController],
  providers: [
    DriftService,
    DriftRunner,
    DriftScheduler,
    DriftGauges,
    DriftLock,
    ReferenceService,
    WindowAggregator,
    { provide: DriftReferenceRepository, useClass: TypeOrmDriftReferenceRepository },
    { provide: DriftReportRepository, useClass: TypeOrmDriftReportRepository },
  ],
  exports: [DriftService, DriftScheduler],
})
export class DriftModule {}
