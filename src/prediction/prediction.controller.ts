import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { modelAccessOf } from '../common/http/model-access';
import { RequireScope } from '../common/http/scopes';
import { requestContext } from '../common/http/request-context';
import { FeedbackRepository } from '../feedback/feedback.repository';
import { PredictRequestDto } from './dto/predict-request.dto';
import { PredictRequestPipe } from './dto/predict-request.pipe';
import { BatchPredictResponseDto, PredictResponseDto } from './dto/predict-response.dto';
import { PredictionRecordDto, toPredictionRecordDto } from './dto/prediction-record.dto';
import { PredictionService } from './prediction.service';

const predictResponse = {
  description: 'A single prediction, or a batch when the request used `instances`',
  schema: {
    oneOf: [{ $ref: getSchemaPath(PredictResponseDto) }, { $ref: getSchemaPath(BatchPredictResponseDto) }],
  },
};
const bodyExamples = {
  type: PredictRequestDto,
  examples: {
    named: {
      value: {
        features: {
          age: 42,
          income: 52000,
          loan_amount: 12000,
          credit_score: 690,
          employment: 'employed',
          home_ownership: 'rent',
        },
      },
    },
    ordered: { value: { features: [42, 52000, 12000, 690, 0.3, 'employed', 'rent'] } },
    batch: {
      value: {
        instances: [
          {
            age: 42,
            income: 52000,
            loan_amount: 12000,
            credit_score: 690,
            employment: 'employed',
            home_ownership: 'rent',
          },
        ],
      },
    },
  },
};

/** The envelope check, called by hand: a Nest pipe costs the hot path a handful of promises. */
const envelope = new PredictRequestPipe();

@ApiTags('predictions')
@ApiExtraModels(PredictResponseDto, BatchPredictResponseDto)
@Controller()
export class PredictionController {
  constructor(
    private readonly predictions: PredictionService,
    private readonly feedback: FeedbackRepository,
  ) {}

  @Post('v1/models/:name/predict')
  @RequireScope('predict')
  @HttpCode(200)
  @ApiOperation({ summary: 'Predict with a model (default version unless ?version=)' })
  @ApiParam({ name: 'name', type: String, description: 'Model name' })
  @ApiQuery({
    name: 'version',
    type: String,
    required: false,
    description: 'a version (default: the default version)',
  })
  @ApiBody(bodyExamples)
  @ApiOkResponse(predictResponse)
  predict(@Req() req: FastifyRequest): Promise<PredictResponseDto | BatchPredictResponseDto> {
    const { name } = req.params as { name: string };
    const { version } = req.query as { version?: string };
    return this.predictions.predict(name, version, envelope.transform(req.body), requestContext(req));
  }

  @Post('predict')
  @RequireScope('predict', { model: 'default' })
  @HttpCode(200)
  @ApiOperation({ summary: 'Predict with the default model (DEFAULT_MODEL)' })
  @ApiBody(bodyExamples)
  @ApiOkResponse(predictResponse)
  predictDefault(@Req() req: FastifyRequest): Promise<PredictResponseDto | BatchPredictResponseDto> {
    return this.predictions.predictDefault(envelope.transform(req.body), requestContext(req));
  }

  @Get('v1/predictions/:id')
  @RequireScope('read')
  @ApiOperation({ summary: 'The logged record of one prediction (sanitized inputs, outputs, latency, ids)' })
  @ApiOkResponse({ type: PredictionRecordDto })
  async get(@Param('id') id: string, @Req() req: FastifyRequest): Promise<PredictionRecordDto> {
    const record = await this.predictions.find(id, modelAccessOf(req));
    return toPredictionRecordDto(record, await this.feedback.findByPredictionId(record.id));
  }
}
