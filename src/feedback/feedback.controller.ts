import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { modelAccessOf } from '../common/http/model-access';
import { RequireScope } from '../common/http/scopes';
import { BulkFeedbackRequestDto, BulkFeedbackResponseDto } from './dto/bulk-feedback.dto';
import { FeedbackRequestDto } from './dto/feedback-request.dto';
import { FeedbackDto, toFeedbackDto } from './dto/feedback.dto';
import { BulkFeedbackService } from './bulk-feedback.service';
import { FeedbackResult, FeedbackService } from './feedback.service';

export const BULK_FEEDBACK_PATH = '/v1/feedback';

function reply(res: FastifyReply, result: FeedbackResult): FeedbackDto {
  void res.status(result.created ? 201 : 200);
  return toFeedbackDto(result.record);
}

@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly bulk: BulkFeedbackService,
  ) {}

  @Post('v1/predictions/:id/feedback')
  @RequireScope('feedback')
  @ApiOperation({
    summary: 'Record the true outcome of a prediction (201; 200 if the same actual is already stored)',
  })
  @ApiBody({ type: FeedbackRequestDto })
  @ApiResponse({ status: 201, type: FeedbackDto, description: 'stored' })
  @ApiResponse({ status: 200, type: FeedbackDto, description: 'the same actual was already stored' })
  @ApiResponse({ status: 409, description: 'a different actual is stored (named in existing_actual)' })
  async submit(
    @Param('id') id: string,
    @Body() body: FeedbackRequestDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackDto> {
    return reply(res, await this.feedback.submit(id, body, modelAccessOf(req)));
  }

  @Put('v1/predictions/:id/feedback')
  @RequireScope('feedback')
  @ApiOperation({ summary: 'Store or replace the true outcome of a prediction (200; 201 if there was none)' })
  @ApiResponse({ status: 200, type: FeedbackDto, description: 'replaced' })
  @ApiResponse({ status: 201, type: FeedbackDto, description: 'there was none: stored' })
  async replace(
    @Param('id') id: string,
    @Body() body: FeedbackRequestDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<FeedbackDto> {
    return reply(res, await this.feedback.replace(id, body, modelAccessOf(req)));
  }

  @Get('v1/predictions/:id/feedback')
  @RequireScope('read')
  @ApiOperation({ summary: 'The feedback stored for a prediction (404 when there is none)' })
  @ApiOkResponse({ type: FeedbackDto })
  async get(@Param('id') id: string, @Req() req: FastifyRequest): Promise<FeedbackDto> {
    return toFeedbackDto(await this.feedback.get(id, modelAccessOf(req)));
  }

  @Post(BULK_FEEDBACK_PATH)
  @RequireScope('feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record many outcomes; every item gets its own status' })
  @ApiOkResponse({ type: BulkFeedbackResponseDto })
  submitBulk(
    @Body() body: BulkFeedbackRequestDto,
    @Req() req: FastifyRequest,
  ): Promise<BulkFeedbackResponseDto> {
    return this.bulk.submit(body.items, modelAccessOf(req));
  }
}
