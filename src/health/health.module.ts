import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { PredictionLogModule } from '../prediction-log/prediction-log.module';
import { GracefulShutdown } from './graceful-shutdown';
import { HealthController } from './health.controller';
import { LogWriterHealthIndicator } from './log-writer.health';
import { ModelsHealthIndicator } from './models.health';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }), PredictionLogModule],
  controllers: [HealthController],
  providers: [ModelsHealthIndicator, LogWriterHealthIndicator, GracefulShutdown],
})
export class HealthModule {}
