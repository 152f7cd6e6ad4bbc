import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ModelRefDto {
  @ApiProperty({ example: 'loan-risk' }) name: string;
  @ApiProperty({ example: '2' }) version: string;
}

export class PredictionItemDto {
  @ApiProperty({ example: '0193a4f2-7c1e-7b3a-9f0e-2d4c5b6a7e8f', description: 'UUIDv7, time-ordered' })
  prediction_id: string;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }], example: 'repaid' })
  prediction: string | number;

  @ApiPropertyOptional({ example: { repaid: 0.91, default: 0.09 }, description: 'classification only' })
  probabilities?: Record<string, number>;
}

export class PredictResponseDto extends PredictionItemDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
}

export class BatchPredictResponseDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ type: [PredictionItemDto] }) predictions: PredictionItemDto[];
}
