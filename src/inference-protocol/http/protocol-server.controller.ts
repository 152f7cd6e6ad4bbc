import { Controller, Get, Res, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireScope } from '../../common/http/scopes';
import { ServerLiveDto, ServerMetadataDto, ServerReadyDto } from '../dto/metadata.dto';
import { ProtocolMetadataService } from '../protocol-metadata.service';
import { ProtocolErrorFilter } from './protocol-error.filter';

@ApiTags('open inference protocol (v2)')
// the health routes are public (src/auth/public-routes.ts); server metadata needs `read`
@RequireScope('read')
@UseFilters(ProtocolErrorFilter)
@Controller('v2')
export class ProtocolServerController {
  constructor(private readonly metadata: ProtocolMetadataService) {}

  @Get()
  @ApiOperation({ summary: 'Server metadata: name, version and the protocol extensions supported' })
  @ApiOkResponse({ type: ServerMetadataDto })
  server(): ServerMetadataDto {
    return this.metadata.serverMetadata();
  }

  @Get('health/live')
  @ApiOperation({ summary: 'Server live: the process can answer metadata and inference requests' })
  @ApiOkResponse({ type: ServerLiveDto })
  live(): ServerLiveDto {
    return { live: true };
  }

  @Get('health/ready')
  @ApiOperation({ summary: 'Server ready: models loaded and at least one version can serve (503 otherwise)' })
  @ApiOkResponse({ type: ServerReadyDto })
  @ApiServiceUnavailableResponse({ type: ServerReadyDto })
  ready(@Res({ passthrough: true }) reply: FastifyReply): ServerReadyDto {
    const ready = this.metadata.serverReady();
    if (!ready.ready) void reply.status(503);
    return ready;
  }
}
