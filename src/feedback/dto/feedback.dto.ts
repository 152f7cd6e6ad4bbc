import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { actualOf, FeedbackRecord } from '../feedback.record';

export class FeedbackDto {
  @ApiProperty() feedback_id: string;
  @ApiProperty() prediction_id: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: 'default' }) actual:
    string | number;
  @ApiPropertyOptional({ nullable: true, description: 'with PII patterns masked' }) comment: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'sanitized' }) metadata: unknown;
  @ApiProperty({ description: 'when the first label arrived (label delay is measured to here)' })
  created_at: string;
  @ApiProperty({ description: 'when the feedback was last replaced (PUT)' }) updated_at: string;
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
