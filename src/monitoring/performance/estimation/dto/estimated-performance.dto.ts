import { ApiProperty } from '@nestjs/swagger';
import { ModelRefDto } from '../../../../prediction/dto/predict-response.dto';
import { EstimateHistoryEntity } from '../estimate-history.entity';
import { EstimatedPerformance } from '../estimation.types';

export class ThresholdDto {
  @ApiProperty({ nullable: true, type: Number }) lower: number | null;
  @ApiProperty({ nullable: true, type: Number }) upper: number | null;
}

export class MetricEstimateDto {
  @ApiProperty({ nullable: true, type: Number, example: 0.76 }) value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: "from the reference's sampling variability" })
  sampling_error: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'confidence band: value − 3 sampling errors' })
  lower: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'value + 3 sampling errors' }) upper:
    number | null;
  @ApiProperty({ type: ThresholdDto, description: 'mean ± 3 std of the realized figure on reference chunks' })
  threshold: ThresholdDto;
  @ApiProperty({ nullable: true, enum: ['below', 'above'], description: 'outside the threshold band' })
  alert: string | null;
}

export class MetricEstimatesDto {
  @ApiProperty({ type: MetricEstimateDto }) accuracy: MetricEstimateDto;
  @ApiProperty({ type: MetricEstimateDto }) precision_macro: MetricEstimateDto;
  @ApiProperty({ type: MetricEstimateDto }) recall_macro: MetricEstimateDto;
  @ApiProperty({ type: MetricEstimateDto }) f1_macro: MetricEstimateDto;
  @ApiProperty({ type: MetricEstimateDto, description: 'binary models only (value null otherwise)' })
  roc_auc: MetricEstimateDto;
}

export class EstimationErrorFigureDto {
  @ApiProperty({ nullable: true, type: Number }) estimated: number | null;
  @ApiProperty({ nullable: true, type: Number }) realized: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'estimated − realized' }) error: number | null;
}

export class EstimationErrorMetricsDto {
  @ApiProperty({ type: EstimationErrorFigureDto }) accuracy: EstimationErrorFigureDto;
  @ApiProperty({ type: EstimationErrorFigureDto }) precision_macro: EstimationErrorFigureDto;
  @ApiProperty({ type: EstimationErrorFigureDto }) recall_macro: EstimationErrorFigureDto;
  @ApiProperty({ type: EstimationErrorFigureDto }) f1_macro: EstimationErrorFigureDto;
  @ApiProperty({ type: EstimationErrorFigureDto }) roc_auc: EstimationErrorFigureDto;
}

export class EstimationErrorDto {
  @ApiProperty({ description: 'labelled predictions of the window the estimate was scored on' })
  labelled: number;
  @ApiProperty({ enum: ['ok', 'insufficient_data'] }) status: string;
  @ApiProperty({ type: EstimationErrorMetricsDto }) metrics: EstimationErrorMetricsDto;
}

export class EstimateReferenceDto {
  @ApiProperty({ description: 'labelled reference rows CBPE was fitted on' }) rows: number;
  @ApiProperty({
    enum: ['file', 'model'],
    description: "reference.csv's __proba_<label>__ columns, or the model run on it",
  })
  probabilities: string;
  @ApiProperty({
    description: 'per calibrated label (the positive one for binary models): isotonic calibration applied',
    additionalProperties: { type: 'boolean' },
    example: { default: true },
  })
  calibrated: Record<string, boolean>;
  @ApiProperty() created_at: string;
}

export class ExpectedConfusionDto {
  @ApiProperty({ type: [String] }) labels: string[];
  @ApiProperty({
    description: 'expected counts; rows: actual class, columns: predicted class',
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
  })
  matrix: number[][];
}

export class EstimatedPerformanceDto {
  @ApiProperty({ enum: ['cbpe'] }) method: string;
  @ApiProperty({ enum: ['ok', 'insufficient_data', 'unavailable'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'why insufficient or unavailable' }) reason:
    string | null;
  @ApiProperty({ nullable: true, enum: ['ok', 'degraded', 'insufficient_data'] }) verdict: string | null;
  @ApiProperty({ description: 'successful classifications in the window' }) predictions: number;
  @ApiProperty({ description: 'of which had logged probabilities (estimated)' }) scored: number;
  @ApiProperty({ description: 'PERFORMANCE_MIN_SAMPLE' }) min_sample: number;
  @ApiProperty({ type: EstimateReferenceDto, nullable: true }) reference: EstimateReferenceDto | null;
  @ApiProperty({ type: MetricEstimatesDto, nullable: true }) metrics: MetricEstimatesDto | null;
  @ApiProperty({ type: ExpectedConfusionDto, nullable: true }) confusion_matrix: ExpectedConfusionDto | null;
  @ApiProperty({
    type: EstimationErrorDto,
    nullable: true,
    description: 'the estimate against the labels that arrived',
  })
  estimation_error: EstimationErrorDto | null;
  @ApiProperty({
    nullable: true,
    enum: ['ok', 'degraded', 'insufficient_data'],
    description: 'realized figures against the same thresholds',
  })
  realized_verdict: string | null;
}

export class EstimateHistoryItemDto {
  @ApiProperty() window_start: string;
  @ApiProperty() window_end: string;
  @ApiProperty({ type: EstimatedPerformanceDto }) estimated: EstimatedPerformanceDto;
}

export class EstimateHistoryDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ example: '24h' }) window: string;
  @ApiProperty({ type: [EstimateHistoryItemDto], description: 'newest first' })
  items: EstimateHistoryItemDto[];
}

export function toEstimatedDto(e: EstimatedPerformance): EstimatedPerformanceDto {
  return e as unknown as EstimatedPerformanceDto;
}

export function toEstimateHistoryDto(
  model: ModelRefDto,
  window: string,
  rows: EstimateHistoryEntity[],
): EstimateHistoryDto {
  return {
    model,
    window,
    items: rows.map((r) => ({
      window_start: r.windowStart.toISOString(),
      window_end: r.windowEnd.toISOString(),
      estimated: toEstimatedDto(r.estimate),
    })),
  };
}
