import { Global, Module } from '@nestjs/common';
import { ModelRegistry } from './model-registry.service';
import { ModelsController } from './models.controller';
import { OrtSessionFactory, SessionFactory } from './onnx-session';

@Global()
@Module({
  controllers: [ModelsController],
  providers: [ModelRegistry, { provide: SessionFactory, useClass: OrtSessionFactory }],
  exports: [ModelRegistry],
})
export class ModelRegistryModule {}
