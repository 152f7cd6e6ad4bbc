import { Module } from '@nestjs/common';
import { PerformanceController } from './performance.controller';
import { PerformanceGauges } from './performance.gauges';
import { PerformanceJob } from './performance.job';
import { PerformanceRepository, TypeOrmPerformanceRepository } from './performance.repository';
import { PerformanceService } from './performance.service';

/** Model quality from feedback: on demand (GET), on a schedule (history table and gauges). */
@Module({
  controllers: [PerformanceController],
  providers: [
    PerformanceService,
    PerformanceJob,
    PerformanceGauges,
    { provide: PerformanceRepository, useClass: TypeOrmPerformanceRepository },
  ],
  exports: [PerformanceService, PerformanceJob],
})
export class PerformanceModule {}
