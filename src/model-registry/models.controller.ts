import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { modelAccessOf } from '../common/http/model-access';
import { RequireScope } from '../common/http/scopes';
import { ModelCardDto, ModelListDto, toModelCardDto } from './dto/model-card.dto';
import { ModelRegistry } from './model-registry.service';

@ApiTags('models')
@RequireScope('read')
@Controller('v1/models')
export class ModelsController {
  constructor(private readonly registry: ModelRegistry) {}

  @Get()
  @ApiOperation({ summary: "List the caller's models with their versions and load status" })
  @ApiOkResponse({ type: ModelListDto })
  list(@Req() req: FastifyRequest): ModelListDto {
    const access = modelAccessOf(req);
    return {
      models: this.registry
        .list()
        .filter((m) => access.allows(m.name))
        .map(toModelCardDto),
    };
  }

  @Get(':name')
  @ApiOperation({ summary: 'The model card: versions, default version, task, features, labels, status' })
  @ApiOkResponse({ type: ModelCardDto })
  get(@Param('name') name: string): ModelCardDto {
    return toModelCardDto(this.registry.get(name));
  }
}
