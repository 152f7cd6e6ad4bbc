import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthModule } from './auth/auth.module';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FeedbackModule } from './feedback/feedback.module';
import { HealthModule } from './health/health.module';
import { InferenceProtocolModule } from './inference-protocol/inference-protocol.module';
import { ModelRegistryModule } from './model-registry/model-registry.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { PredictionModule } from './prediction/prediction.module';
import { PredictionLogModule } from './prediction-log/prediction-log.module';
import { TelemetryModule } from './telemetry/telemetry.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        CommonModule,
        TelemetryModule,
        DatabaseModule,
        ModelRegistryModule,
        PredictionLogModule,
        PredictionModule,
        InferenceProtocolModule,
        FeedbackModule,
        ScheduleModule.forRoot(),
        MonitoringModule,
        HealthModule,
        AuthModule,
      ],
    };
  }
}
