import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_COMMENT_LENGTH = 1000;

/** The fields of one piece of feedback, as the single and bulk routes both accept them. */
export interface FeedbackFields {
  actual: unknown;
  comment?: string;
  metadata?: Record<string, unknown>;
}

export class FeedbackRequestDto implements FeedbackFields {
  @ApiProperty({
    description:
      "The true outcome: one of the model's labels (classification) or a finite number (regression)",
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: 'default',
  })
  @IsDefined({ message: 'actual is required' })
  actual: unknown;

  @ApiPropertyOptional({
    description: 'Free text, stored with PII patterns masked',
    maxLength: MAX_COMMENT_LENGTH,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;

  @ApiPropertyOptional({
    description: 'Free-form context, sanitized like prediction inputs',
    type: 'object',
    additionalProperties: true,
    example: { source: 'collections' },
  })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;
}
