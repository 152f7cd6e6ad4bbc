import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class DriftVersionQueryDto {
  @ApiPropertyOptional({ description: "model version (default: the model's default version)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  version?: string;
}

export class DriftWindowQueryDto extends DriftVersionQueryDto {
  @ApiPropertyOptional({
    description: 'window ending now, e.g. 30m, 1h, 24h, 7d (default DRIFT_WINDOW)',
    example: '1h',
  })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  window?: string;

  @ApiPropertyOptional({ description: 'start of the window (ISO 8601, inclusive); instead of window' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end of the window (ISO 8601, exclusive; default now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class DriftHistoryQueryDto extends DriftVersionQueryDto {
  @ApiPropertyOptional({ description: 'runs per page, newest first (1-100, default 20)', example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: "the previous page's next_before: runs older than this run id" })
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class DriftReportPageQueryDto extends DriftVersionQueryDto {
  @ApiPropertyOptional({ description: 'a run id (default: the latest completed run of the version)' })
  @IsOptional()
  @IsUUID()
  run?: string;
}
