import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MetricsExposition } from './metrics-exposition';

@ApiTags('telemetry')
@Controller()
export class MetricsController {
  constructor(private readonly exposition: MetricsExposition) {}

  @Get('metrics')
  @ApiOperation({
    summary:
      'Prometheus metrics (docs/metrics.md); OpenMetrics with trace-id exemplars when Accept asks for application/openmetrics-text',
  })
  @ApiProduces('text/plain', 'application/openmetrics-text')
  @ApiOkResponse({ description: 'The exposition, in the negotiated format', schema: { type: 'string' } })
  async scrape(
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { contentType, body } = await this.exposition.render(accept);
    void reply.header('content-type', contentType);
    return body;
  }
}
