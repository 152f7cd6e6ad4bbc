import { DynamicModule, Module } from '@nestjs/common';
import { CommonModule } from './common/common.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ModelRegistryModule } from './model-registry/model-registry.module';
import { PredictionModule } from './prediction/prediction.module';
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
        PredictionModule,
        HealthModule,
      ],
    };
  }
}
