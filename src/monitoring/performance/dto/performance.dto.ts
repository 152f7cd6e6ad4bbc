import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ModelRefDto } from '../../../prediction/dto/predict-response.dto';
import { EstimatedPerformanceDto, toEstimatedDto } from '../estimation/dto/estimated-performance.dto';
import { EstimatedPerformance } from '../estimation/estimation.types';
import { PerformanceHistoryEntity } from '../performance-history.entity';
import { ClassificationMetrics, PerformanceReport, RegressionMetrics } from '../performance.types';

class PerClassDto {
  @ApiProperty() label: string;
  @ApiProperty() precision: number;
  @ApiProperty() recall: number;
  @ApiProperty() f1: number;
  @ApiProperty({ description: 'labelled rows of this class' }) support: number;
}

class ConfusionMatrixDto {
  @ApiProperty({ type: [String] }) labels: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'rows: actual class, columns: predicted class',
  })
  matrix: number[][];
}

export class ClassificationMetricsDto {
  @ApiProperty({ type: Number, nullable: true, example: 0.91 })
  accuracy: number | null;
  @ApiProperty({ type: Number, nullable: true })
  precision_macro: number | null;
  @ApiProperty({ type: Number, nullable: true })
  recall_macro: number | null;
  @ApiProperty({ type: Number, nullable: true })
  f1_macro: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'from the logged probabilities, clipped to [ε, 1-ε]',
  })
  log_loss: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'binary models only' })
  roc_auc: number | null;
  @ApiProperty({ type: String, nullable: true })
  roc_auc_positive_label: string | null;
  @ApiProperty({ type: [PerClassDto], description: 'each class seen in the window' })
  per_class: PerClassDto[];
  @ApiProperty({
    type: ConfusionMatrixDto,
    example: {
      labels: ['a', 'b'],
      matrix: [
        [5, 1],
        [2, 7],
      ],
    },
  })
  confusion_matrix: { labels: string[]; matrix: number[][] };
}

export class RegressionMetricsDto {
  @ApiProperty({ type: Number, nullable: true })
  mae: number | null;
  @ApiProperty({ type: Number, nullable: true })
  rmse: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'a fraction, over non-zero actuals' })
  mape: number | null;
  @ApiProperty({ description: 'labelled rows left out of MAPE because their actual is 0' })
  mape_skipped_zero_actuals: number;
  @ApiProperty({ type: Number, nullable: true })
  r2: number | null;
}

const metricsSchema = {
  oneOf: [{ $ref: getSchemaPath(ClassificationMetricsDto) }, { $ref: getSchemaPath(RegressionMetricsDto) }],
};

export class PerformanceFiguresDto {
  @ApiProperty({ format: 'date-time', description: 'start of the window (exclusive)' }) window_start: string;
  @ApiProperty({ format: 'date-time', description: 'end of the window (inclusive): when it was computed' })
  window_end: string;
  @ApiProperty({
    enum: ['ok', 'insufficient_data'],
    description: 'insufficient_data: fewer labelled predictions than min_sample; the figures are noise',
  })
  status: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'PERFORMANCE_MIN_SAMPLE: labelled predictions a trusted figure needs',
  })
  min_sample: number | null;
  @ApiProperty({ description: 'successful predictions made in the window' }) predictions: number;
  @ApiProperty({ description: 'of which have feedback' }) labelled: number;
  @ApiProperty({ type: Number, nullable: true, description: 'labelled / predictions' })
  label_coverage: number | null;
  @ApiProperty({ type: Number, nullable: true })
  median_label_delay_seconds: number | null;
  @ApiProperty(metricsSchema) metrics: ClassificationMetrics | RegressionMetrics;
}

export class PerformanceDto extends PerformanceFiguresDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ enum: ['classification', 'regression'] }) task: string;
  @ApiProperty({ example: '24h' }) window: string;
  @ApiPropertyOptional({
    type: EstimatedPerformanceDto,
    description: 'with ?estimated=true: the same window estimated without labels (CBPE), computed now',
  })
  estimated?: EstimatedPerformanceDto;
}

export class PerformanceHistoryDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ example: '24h' }) window: string;
  @ApiProperty({ type: [PerformanceFiguresDto], description: 'newest first' }) items: PerformanceFiguresDto[];
}

export function toPerformanceDto(r: PerformanceReport, estimated?: EstimatedPerformance): PerformanceDto {
  return {
    ...(estimated ? { estimated: toEstimatedDto(estimated) } : {}),
    model: { name: r.modelName, version: r.modelVersion },
    task: r.task,
    window: r.window,
    window_start: r.windowStart.toISOString(),
    window_end: r.windowEnd.toISOString(),
    status: r.status,
    min_sample: r.minSample,
    predictions: r.predictions,
    labelled: r.labelled,
    label_coverage: r.labelCoverage,
    median_label_delay_seconds: r.medianLabelDelaySeconds,
    metrics: r.metrics,
  };
}

export function toPerformanceHistoryDto(
  model: ModelRefDto,
  window: string,
  rows: PerformanceHistoryEntity[],
): PerformanceHistoryDto {
  return {
    model,
    window,
    items: rows.map((h) => ({
      window_start: h.windowStart.toISOString(),
      window_end: h.windowEnd.toISOString(),
      status: h.status,
      min_sample: h.minSample,
      predictions: h.predictionCount,
      labelled: h.labelledCount,
      label_coverage: h.labelCoverage,
      median_label_delay_seconds: h.medianLabelDelaySeconds,
      metrics: h.metrics as ClassificationMetrics | RegressionMetrics,
    })),
  };
}
