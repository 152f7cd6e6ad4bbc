import { ApiProperty } from '@nestjs/swagger';
import { actualOf, FeedbackRecord } from '../feedback.record';

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' }) feedback_id: string;
  @ApiProperty({ format: 'uuid' }) prediction_id: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: 'default' }) actual:
    string | number;
  @ApiProperty({ type: String, nullable: true, description: 'with PII patterns masked' }) comment:
    string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'sanitized' })
  metadata: unknown;
  @ApiProperty({
    format: 'date-time',
    description: 'when the first label arrived (label delay is measured to here)',
  })
  created_at: string;
  @ApiProperty({ format: 'date-time', description: 'when the feedback was last replaced (PUT)' })
  updated_at: string;
}

export function toFeedbackDto(r: FeedbackRecord): FeedbackDto {
  return {
    feedback_id: r.id,
    prediction_id: r.predictionId,
    actual: actualOf(r),
    comment: r.comment,
    metadata: r.metadata ?? null,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}
