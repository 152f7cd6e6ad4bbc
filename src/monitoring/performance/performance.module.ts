import { Module } from '@nestjs/common';
import { EstimationGauges } from './estimation/estimation.gauges';
import { EstimationJob } from './estimation/estimation.job';
import { EstimationRepository, TypeOrmEstimationRepository } from './estimation/estimation.repository';
import { EstimationService } from './estimation/estimation.service';
import {
  PerformanceReferenceRepository,
  TypeOrmPerformanceReferenceRepository,
} from './estimation/reference/performance-reference.repository';
import { PerformanceReferenceService } from './estimation/reference/performance-reference.service';
import { ReferenceScorer } from './estimation/reference/reference-scorer';
import { PerformanceController } from './performance.controller';
import { PerformanceGauges } from './performance.gauges';
import { PerformanceJob } from './performance.job';
import { PerformanceRepository, TypeOrmPerformanceRepository } from './performance.repository';
import { PerformanceService } from './performance.service';

/**
 * Model quality: realized from feedback and estimated without labels (CBPE), on demand (GET) and
 * on a schedule (history tables and gauges).
 */
@Module({
  controllers: [PerformanceController],
  providers: [
    PerformanceService,
    PerformanceJob,
    PerformanceGauges,
    { provide: PerformanceRepository, useClass: TypeOrmPerformanceRepository },
    EstimationService,
    EstimationJob,
    EstimationGauges,
    PerformanceReferenceService,
    ReferenceScorer,
    { provide: EstimationRepository, useClass: TypeOrmEstimationRepository },
    { provide: PerformanceReferenceRepository, useClass: TypeOrmPerformanceReferenceRepository },
  ],
  exports: [PerformanceService, PerformanceJob, EstimationService, EstimationJob],
})
export class PerformanceModule {}
