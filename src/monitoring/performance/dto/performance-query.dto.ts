import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PerformanceWindowQueryDto {
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

export class PerformanceQueryDto extends PerformanceWindowQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'true: add the estimate without labels (CBPE) of the same window, under `estimated`',
  })
  @IsOptional()
  // a query string is text: only the words true and false are booleans, anything else fails validation
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  estimated?: boolean;
}

export class PerformanceHistoryQueryDto extends PerformanceWindowQueryDto {
  @ApiPropertyOptional({ description: 'newest first, at most 1000 (default 100)', example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
