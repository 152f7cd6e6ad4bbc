import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PerformanceQueryDto {
  @ApiPropertyOptional({
    description: 'window of prediction time, e.g. 30m, 1h, 24h, 7d (default 24h)',
    example: '24h',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  window?: string;

  @ApiPropertyOptional({ description: "model version (default: the model's default version)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  version?: string;
}

export class PerformanceHistoryQueryDto extends PerformanceQueryDto {
  @ApiPropertyOptional({ description: 'newest first, at most 1000 (default 100)', example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
