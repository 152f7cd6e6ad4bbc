import { Module } from '@nestjs/common';
import { PredictionLogModule } from '../prediction-log/prediction-log.module';
import { PredictionModule } from '../prediction/prediction.module';
import { ProtocolHttp } from './http/protocol-http';
import { ProtocolModelsController } from './http/protocol-models.controller';
import { ProtocolServerController } from './http/protocol-server.controller';
import { ProtocolInferenceLog } from './observability/protocol-log';
import { ProtocolInferenceService } from './protocol-inference.service';
import { ProtocolMetadataService } from './protocol-metadata.service';
import { ProtocolModels } from './protocol-models';
import { ProtocolStatisticsService } from './protocol-statistics.service';

/**
 * The Open Inference Protocol (KServe/Triton "v2" REST) over every loaded model, manifest or not:
 * health, server and model metadata, inference with JSON or binary tensors, and Triton's
 * statistics extension.
 */
@Module({
  imports: [PredictionModule, PredictionLogModule],
  controllers: [ProtocolServerController, ProtocolModelsController],
  providers: [
    ProtocolHttp,
    ProtocolModels,
    ProtocolMetadataService,
    ProtocolInferenceService,
    ProtocolInferenceLog,
    ProtocolStatisticsService,
  ],
})
export class InferenceProtocolModule {}
