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
import { EstimateHistoryDto, toEstimateHistoryDto } from './estimation/dto/estimated-performance.dto';
import { EstimationService } from './estimation/estimation.service';
import { PerformanceService } from './performance.service';

const DEFAULT_WINDOW = '24h';

@ApiTags('monitoring')
@RequireScope('read')
@ApiExtraModels(ClassificationMetricsDto, RegressionMetricsDto)
@Controller('v1/models/:name/performance')
export class PerformanceController {
  constructor(
    private readonly performance: PerformanceService,
    private readonly estimation: EstimationService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Model quality from feedback over a window of prediction time, computed now; with estimated=true also estimated without labels (CBPE)',
  })
  @ApiOkResponse({ type: PerformanceDto })
  async get(@Param('name') name: string, @Query() q: PerformanceQueryDto): Promise<PerformanceDto> {
    const realized = await this.performance.compute(name, q.version, q.window ?? DEFAULT_WINDOW);
    return toPerformanceDto(realized, q.estimated ? await this.estimation.forReport(realized) : undefined);
  }

  @Get('estimated/history')
  @ApiOperation({ summary: 'What the scheduled estimation stored for a configured window, newest first' })
  @ApiOkResponse({ type: EstimateHistoryDto })
  async estimatedHistory(
    @Param('name') name: string,
    @Query() q: PerformanceHistoryQueryDto,
  ): Promise<EstimateHistoryDto> {
    const window = q.window ?? DEFAULT_WINDOW;
    this.performance.checkWindow(window);
    const { modelVersion, rows } = await this.estimation.history(name, q.version, window, q.limit ?? 100);
    return toEstimateHistoryDto({ name, version: modelVersion }, window, rows);
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
