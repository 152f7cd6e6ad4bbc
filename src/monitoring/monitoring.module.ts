import { Module } from '@nestjs/common';
import { DriftModule } from './drift/drift.module';
import { PerformanceModule } from './performance/performance.module';

/** The monitoring jobs and their read APIs: model performance from feedback (and drift). */
@Module({
  imports: [PerformanceModule, DriftModule],
})
export class MonitoringModule {}
