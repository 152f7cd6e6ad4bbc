import { Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RequireScope } from '../../common/http/scopes';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ModelRegistry } from '../../model-registry/model-registry.service';
import { ServableVersion } from '../../model-registry/model-version';
import { resolveWindow } from './drift-window';
import { DriftService } from './drift.service';
import {
  DriftHistoryQueryDto,
  DriftReportPageQueryDto,
  DriftVersionQueryDto,
  DriftWindowQueryDto,
} from './dto/drift-query.dto';
import { DriftReferenceDto, toReferenceDto } from './dto/drift-reference.dto';
import { DriftHistoryDto, DriftReportDto } from './dto/drift-report.dto';
import { ReferenceService } from './reference/reference.service';
import { DriftReport } from './report/drift-report.types';
import { renderReportHtml } from './report/report-html';

const featureOrder = (v: ServableVersion) => v.manifest.features.map((f) => f.name);

@ApiTags('monitoring')
@Controller('v1/models/:name/drift')
export class DriftController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly drift: DriftService,
    private readonly references: ReferenceService,
    private readonly registry: ModelRegistry,
    private readonly clock: Clock,
  ) {}

  @Post('runs')
  @ApiOperation({
    summary: 'Run drift now over a window (default DRIFT_WINDOW ending now); returns the report',
  })
  @ApiCreatedResponse({ type: DriftReportDto })
  trigger(@Param('name') name: string, @Query() q: DriftWindowQueryDto): Promise<DriftReport> {
    return this.drift.trigger(name, q.version, resolveWindow(q, this.clock.now(), this.config.drift.window));
  }

  @Get()
  @RequireScope('read')
  @ApiOperation({ summary: 'The latest completed drift report of a version' })
  @ApiOkResponse({ type: DriftReportDto })
  latest(@Param('name') name: string, @Query() q: DriftVersionQueryDto): Promise<DriftReport> {
    return this.drift.latest(name, q.version);
  }

  @Get('runs')
  @RequireScope('read')
  @ApiOperation({ summary: 'Drift runs, newest first, a page at a time' })
  @ApiOkResponse({ type: DriftHistoryDto })
  async history(@Param('name') name: string, @Query() q: DriftHistoryQueryDto): Promise<DriftHistoryDto> {
    const page = await this.drift.history(name, q.version, q.limit ?? 20, q.before);
    return { model: name, items: page.items, next_before: page.next };
  }

  @Get('runs/:id')
  @RequireScope('read')
  @ApiOperation({ summary: 'One drift run, in full' })
  @ApiOkResponse({ type: DriftReportDto })
  run(@Param('name') name: string, @Param('id') id: string): Promise<DriftReport> {
    return this.drift.run(name, id);
  }

  @Get('report')
  @RequireScope('read')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'A drift report as a web page: a row and a chart per feature' })
  @ApiOkResponse({ description: 'The HTML page', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('name') name: string, @Query() q: DriftReportPageQueryDto): Promise<string> {
    return renderReportHtml(
      q.run ? await this.drift.run(name, q.run) : await this.drift.latest(name, q.version),
    );
  }

  @Get('reference')
  @RequireScope('read')
  @ApiOperation({ summary: 'The reference profile drift compares against' })
  @ApiOkResponse({ type: DriftReferenceDto })
  async reference(@Param('name') name: string, @Query() q: DriftVersionQueryDto): Promise<DriftReferenceDto> {
    const v = this.registry.servable(name, q.version);
    return toReferenceDto(await this.references.current(v), featureOrder(v));
  }

  @Put('reference')
  @ApiOperation({
    summary: 'Make a window of logged predictions the reference (sampled to DRIFT_MAX_SAMPLE rows)',
  })
  @ApiOkResponse({ type: DriftReferenceDto })
  async setReference(
    @Param('name') name: string,
    @Query() q: DriftWindowQueryDto,
  ): Promise<DriftReferenceDto> {
    const { from, to } = resolveWindow(q, this.clock.now(), this.config.drift.window);
    const v = this.registry.servable(name, q.version);
    return toReferenceDto(await this.references.fromWindow(v, from, to), featureOrder(v));
  }

  @Delete('reference')
  @HttpCode(200)
  @ApiOperation({ summary: "Go back to the version's reference.csv" })
  @ApiOkResponse({ type: DriftReferenceDto })
  async resetReference(
    @Param('name') name: string,
    @Query() q: DriftVersionQueryDto,
  ): Promise<DriftReferenceDto> {
    const v = this.registry.servable(name, q.version);
    return toReferenceDto(await this.references.reset(v), featureOrder(v));
  }
}
