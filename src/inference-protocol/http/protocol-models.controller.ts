import {
  applyDecorators,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequireScope } from '../../common/http/scopes';
import { modelAccessOf } from '../../common/http/model-access';
import { requestContext } from '../../common/http/request-context';
import { ModelMetadataDto, ModelReadyDto, ProtocolErrorDto } from '../dto/metadata.dto';
import {
  HEADER_LENGTH_DESCRIPTION,
  INFER_REQUEST_EXAMPLE,
  INFER_RESPONSE_EXAMPLE,
} from '../dto/openapi-schemas';
import { ProtocolInferenceService } from '../protocol-inference.service';
import { ProtocolMetadataService } from '../protocol-metadata.service';
import { ProtocolStatisticsService } from '../protocol-statistics.service';
import { StatisticsResponseDto } from '../dto/statistics.dto';
import { EncodedResponse } from '../response/infer-response';
import { ProtocolErrorFilter } from './protocol-error.filter';
import { PROTOCOL_ROUTE } from './protocol-http';

/**
 * What both infer routes share. Listed in the order they apply: RouteConfig before RequireScope,
 * which adds the scope to the route config instead of being replaced by it.
 */
const InferRoute = () =>
  applyDecorators(
    HttpCode(200),
    RouteConfig(PROTOCOL_ROUTE),
    RequireScope('predict'),
    ApiOperation({
      summary: 'Inference: JSON tensors, or the binary tensor extension (Inference-Header-Content-Length)',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/InferenceRequest' },
            examples: { json: { value: INFER_REQUEST_EXAMPLE } },
          },
          'application/octet-stream': {
            schema: {
              type: 'string',
              format: 'binary',
              description: `The JSON inference request, then the tensors' bytes. ${HEADER_LENGTH_DESCRIPTION}`,
            },
          },
        },
      },
    }),
    ApiHeader({
      name: 'Inference-Header-Content-Length',
      required: false,
      description: HEADER_LENGTH_DESCRIPTION,
      schema: { type: 'integer', minimum: 0 },
    }),
    ApiOkResponse({
      description: 'The outputs; application/octet-stream when some are binary',
      headers: {
        'Inference-Header-Content-Length': {
          description: `Set with binary outputs. ${HEADER_LENGTH_DESCRIPTION}`,
          schema: { type: 'integer' },
        },
      },
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/InferenceResponse' },
          examples: { json: { value: INFER_RESPONSE_EXAMPLE } },
        },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      },
    }),
    ApiParam({ name: 'name', type: String }),
  );

@ApiTags('open inference protocol (v2)')
@ApiNotFoundResponse({ type: ProtocolErrorDto, description: 'unknown model or version' })
@ApiServiceUnavailableResponse({ type: ProtocolErrorDto, description: 'the version did not load' })
@RequireScope('read')
@UseFilters(ProtocolErrorFilter)
@Controller('v2/models')
export class ProtocolModelsController {
  constructor(
    private readonly metadata: ProtocolMetadataService,
    private readonly inference: ProtocolInferenceService,
    private readonly statistics: ProtocolStatisticsService,
  ) {}

  // a static path, so it wins over `:name` whatever the order
  @Get('stats')
  @ApiOperation({ summary: "Statistics of every ready model version (Triton's statistics extension)" })
  @ApiOkResponse({ type: StatisticsResponseDto })
  allStatistics(@Req() req: FastifyRequest): StatisticsResponseDto {
    return this.statistics.statistics(undefined, undefined, modelAccessOf(req));
  }

  @Get(':name/stats')
  @ApiOperation({ summary: 'Statistics of every version of one model' })
  @ApiOkResponse({ type: StatisticsResponseDto })
  modelStatistics(@Param('name') name: string): StatisticsResponseDto {
    return this.statistics.statistics(name);
  }

  @Get(':name/versions/:version/stats')
  @ApiOperation({ summary: 'Statistics of one model version' })
  @ApiOkResponse({ type: StatisticsResponseDto })
  versionStatistics(@Param('name') name: string, @Param('version') version: string): StatisticsResponseDto {
    return this.statistics.statistics(name, version);
  }

  @Get(':name')
  @ApiOperation({ summary: 'Model metadata (default version): inputs and outputs from the ONNX graph' })
  @ApiOkResponse({ type: ModelMetadataDto })
  model(@Param('name') name: string): ModelMetadataDto {
    return this.metadata.modelMetadata(name);
  }

  @Get(':name/versions/:version')
  @ApiOperation({ summary: 'Model metadata of one version' })
  @ApiOkResponse({ type: ModelMetadataDto })
  modelVersion(@Param('name') name: string, @Param('version') version: string): ModelMetadataDto {
    return this.metadata.modelMetadata(name, version);
  }

  @Get(':name/ready')
  @ApiOperation({ summary: 'Model ready (default version): 200, or 503 when it did not load' })
  @ApiOkResponse({ type: ModelReadyDto })
  ready(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): ModelReadyDto {
    return readiness(reply, this.metadata.modelReady(name));
  }

  @Get(':name/versions/:version/ready')
  @ApiOperation({ summary: 'Model ready (one version)' })
  @ApiOkResponse({ type: ModelReadyDto })
  versionReady(
    @Param('name') name: string,
    @Param('version') version: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): ModelReadyDto {
    return readiness(reply, this.metadata.modelReady(name, version));
  }

  @Post(':name/infer')
  @InferRoute()
  infer(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return this.inferFrom(req, reply);
  }

  @Post(':name/versions/:version/infer')
  @InferRoute()
  @ApiParam({ name: 'version', type: String })
  inferVersion(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return this.inferFrom(req, reply);
  }

  // params and body read off the request: Nest's param pipes cost the hot path a handful of promises
  private async inferFrom(req: FastifyRequest, reply: FastifyReply): Promise<string | Buffer> {
    const { name, version } = req.params as { name: string; version?: string };
    return send(reply, await this.inference.infer(name, version, req.body, requestContext(req)));
  }
}

function readiness(reply: FastifyReply, ready: ModelReadyDto): ModelReadyDto {
  if (!ready.ready) void reply.status(503);
  return ready;
}

/** The response is already encoded (exact INT64 literals, binary tails): send it as it is. */
function send(reply: FastifyReply, response: EncodedResponse): string | Buffer {
  void reply.header('content-type', response.contentType);
  if (response.headerLength !== undefined)
    void reply.header('inference-header-content-length', response.headerLength);
  return response.body;
}
