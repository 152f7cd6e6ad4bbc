import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray } from 'class-validator';
import { FieldError } from '../../common/errors/domain-error';

export type BulkItemStatus = 'created' | 'unchanged' | 'conflict' | 'not_found' | 'invalid';
export const BULK_ITEM_STATUSES: readonly BulkItemStatus[] = [
  'created',
  'unchanged',
  'conflict',
  'not_found',
  'invalid',
];

export class BulkFeedbackRequestDto {
  @ApiProperty({
    description:
      'Up to FEEDBACK_MAX_BULK_ITEMS (default 10,000) items of {prediction_id, actual, comment?, metadata?}; ' +
      'each is checked on its own',
    type: 'array',
    items: {
      type: 'object',
      required: ['prediction_id', 'actual'],
      properties: {
        prediction_id: { type: 'string', format: 'uuid' },
        actual: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        comment: { type: 'string', maxLength: 1000 },
        metadata: { type: 'object', additionalProperties: true },
      },
    },
    example: [{ prediction_id: '0196b1f2-7c1a-7d3e-9a4b-5c6d7e8f9a0b', actual: 'default' }],
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'items must contain at least one item' })
  items: unknown[];
}

export class BulkFeedbackItemResultDto {
  @ApiProperty({ description: 'position of the item in the request' }) index: number;
  @ApiProperty({ type: String, nullable: true, description: 'null when the item has none' })
  prediction_id: string | null;
  @ApiProperty({ enum: BULK_ITEM_STATUSES }) status: BulkItemStatus;
  @ApiPropertyOptional({
    description: 'the stored actual, on conflict',
    oneOf: [{ type: 'string' }, { type: 'number' }],
  })
  existing_actual?: string | number;
  @ApiPropertyOptional({
    description: 'why the item is invalid (fields are relative to the item)',
    type: 'array',
    items: { $ref: '#/components/schemas/FieldError' },
  })
  errors?: FieldError[];
}

export class BulkFeedbackCountsDto {
  @ApiProperty() created: number;
  @ApiProperty() unchanged: number;
  @ApiProperty() conflict: number;
  @ApiProperty() not_found: number;
  @ApiProperty() invalid: number;
}

export class BulkFeedbackResponseDto {
  @ApiProperty({ type: BulkFeedbackCountsDto }) counts: BulkFeedbackCountsDto;
  @ApiProperty({ type: [BulkFeedbackItemResultDto] }) items: BulkFeedbackItemResultDto[];
}

export function countStatuses(items: BulkFeedbackItemResultDto[]): BulkFeedbackCountsDto {
  const counts: BulkFeedbackCountsDto = { created: 0, unchanged: 0, conflict: 0, not_found: 0, invalid: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}
