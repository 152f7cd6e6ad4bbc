import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../common/http/scopes';
import { PerformanceHistoryQueryDto, PerformanceQueryDto } from './dto/performance-query.dto';
import {
  ClassificationMetricsDto,
  PerformanceDto,
  PerformanceHistoryDto,
  RegressionMetricsDto,
  toPerformanceDto,
  toPerformanceHistoryDto,
} from './dto/performance.dto';
import { PerformanceService } from './performance.service';

const DEFAULT_WINDOW = '24h';

@ApiTags('monitoring')
@RequireScope('read')
@ApiExtraModels(ClassificationMetricsDto, RegressionMetricsDto)
@Controller('v1/models/:name/performance')
export class PerformanceController {
  constructor(private readonly performance: PerformanceService) {}

  @Get()
  @ApiOperation({ summary: 'Model quality from feedback over a window of prediction time, computed now' })
  @ApiOkResponse({ type: PerformanceDto })
  async get(@Param('name') name: string, @Query() q: PerformanceQueryDto): Promise<PerformanceDto> {
    return toPerformanceDto(await this.performance.compute(name, q.version, q.window ?? DEFAULT_WINDOW));
  }

  @Get('history')
  @ApiOperation({ summary: 'What the scheduled job computed for a configured window, newest first' })
  @ApiOkResponse({ type: PerformanceHistoryDto })
  async history(
    @Param('name') name: string,
    @Query() q: PerformanceHistoryQueryDto,
  ): Promise<PerformanceHistoryDto> {
    const window = q.window ?? DEFAULT_WINDOW;
    const { modelVersion, rows } = await this.performance.history(name, q.version, window, q.limit ?? 100);
    return toPerformanceHistoryDto({ name, version: modelVersion }, window, rows);
  }
}
