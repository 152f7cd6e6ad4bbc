import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeedbackDto, toFeedbackDto } from '../../feedback/dto/feedback.dto';
import { FeedbackRecord } from '../../feedback/feedback.record';
import { PredictionRecord } from '../../prediction-log/record/prediction-record';
import { ModelRefDto } from './predict-response.dto';

export class PredictionRecordDto {
  @ApiProperty({ format: 'uuid' }) prediction_id: string;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ enum: ['success', 'error'] }) status: string;
  @ApiProperty({ type: String, example: 'validation_failed', nullable: true }) error_class: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'sanitized inputs',
    example: { age: 42, employment: 'employed' },
  })
  inputs: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'sanitized metadata',
  })
  metadata: unknown;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    description: 'null when it failed',
  })
  prediction: string | number | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'number' } })
  probabilities?: Record<string, number>;
  @ApiProperty({ example: 0.42 }) latency_ms: number;
  @ApiProperty({ type: String, nullable: true }) request_id: string | null;
  @ApiProperty({ type: String, nullable: true }) trace_id: string | null;
  @ApiProperty({ enum: ['v1', 'v2'] }) source: string;
  @ApiProperty({ type: FeedbackDto, nullable: true, description: 'the true outcome, once posted' })
  feedback: FeedbackDto | null;
}

export function toPredictionRecordDto(r: PredictionRecord, feedback?: FeedbackRecord): PredictionRecordDto {
  const dto: PredictionRecordDto = {
    prediction_id: r.id,
    created_at: r.createdAt.toISOString(),
    model: { name: r.modelName, version: r.modelVersion },
    status: r.status,
    error_class: r.errorClass,
    inputs: r.inputs,
    metadata: r.metadata ?? null,
    prediction: r.outputs?.prediction ?? null,
    latency_ms: r.latencyMs,
    request_id: r.requestId,
    trace_id: r.traceId,
    source: r.source,
    feedback: feedback ? toFeedbackDto(feedback) : null,
  };
  if (r.outputs?.probabilities) dto.probabilities = r.outputs.probabilities;
  return dto;
}
