import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModelRefDto {
  @ApiProperty({ example: 'loan-risk' }) name: string;
  @ApiProperty({ example: '2' }) version: string;
}

export class TruncationDto {
  @ApiProperty({ example: 'text' }) field: string;
  @ApiProperty({ enum: ['characters', 'tokens'] }) unit: 'characters' | 'tokens';
  @ApiProperty({ example: 2412 }) from: number;
  @ApiProperty({ example: 2000 }) to: number;
}

export class PredictionItemDto {
  @ApiProperty({
    format: 'uuid',
    example: '0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f',
    description: 'UUIDv7, time-ordered',
  })
  prediction_id: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: 'repaid' })
  prediction: string | number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { repaid: 0.91, default: 0.09 },
    description: 'classification only: each label and its probability',
  })
  probabilities?: Record<string, number>;

  @ApiPropertyOptional({
    type: () => [TruncationDto],
    description: 'texts the model saw shortened (to the manifest maxLength, or to the tokenizer maximum)',
  })
  truncated?: TruncationDto[];
}

export class PredictResponseDto extends PredictionItemDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
}

export class BatchPredictResponseDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ type: [PredictionItemDto] }) predictions: PredictionItemDto[];
}
