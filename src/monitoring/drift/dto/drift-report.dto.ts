import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ModelRefDto } from '../../../prediction/dto/predict-response.dto';

export class DriftWindowDto {
  @ApiProperty({ format: 'date-time', description: 'inclusive' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'exclusive' }) to: string;
}

class KsDto {
  @ApiProperty() statistic: number;
  @ApiProperty() p_value: number;
  @ApiProperty({ enum: ['exact', 'asymp'] }) method: string;
}

class WassersteinDto {
  @ApiProperty() distance: number;
  @ApiProperty({ description: 'distance / reference_std' }) normed: number;
  @ApiProperty() reference_std: number;
}

class ChiSquareDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'null when infinite (a category the reference lacks)',
  })
  statistic: number | null;
  @ApiProperty() p_value: number;
  @ApiProperty() degrees_of_freedom: number;
}

class ZTestDto {
  @ApiProperty() statistic: number;
  @ApiProperty() p_value: number;
}

export class FeatureStatisticsDto {
  @ApiPropertyOptional({ type: KsDto }) ks?: KsDto;
  @ApiPropertyOptional({ description: 'natural log, reference-decile bins or categories' }) psi?: number;
  @ApiPropertyOptional({ description: 'base 2, the same bins as PSI' }) jensen_shannon?: number;
  @ApiPropertyOptional({ type: WassersteinDto }) wasserstein?: WassersteinDto;
  @ApiPropertyOptional({ type: ChiSquareDto }) chi_square?: ChiSquareDto;
  @ApiPropertyOptional({ type: ZTestDto }) z?: ZTestDto;
}

export class DataQualityDto {
  @ApiProperty({ description: 'rows in the window without a value' }) missing: number;
  @ApiProperty({ type: Number, nullable: true }) missing_share: number | null;
  @ApiPropertyOptional({ description: "numeric: values outside the manifest's min/max" })
  out_of_range?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) out_of_range_share?: number | null;
  @ApiPropertyOptional({ description: 'categorical: values the reference never had' })
  unseen_category?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) unseen_category_share?: number | null;
}

export class DriftChartDto {
  @ApiProperty({ type: [String] }) labels: string[];
  @ApiProperty({ type: [Number], description: 'proportions per bar, summing to 1' }) reference: number[];
  @ApiProperty({ type: [Number], description: 'proportions per bar, summing to 1' }) current: number[];
}

class UnseenCategoryDto {
  @ApiProperty() category: string;
  @ApiProperty() count: number;
}

export class FeatureDriftDto {
  @ApiProperty({ example: 'income', description: '`__prediction__` is the model output' }) name: string;
  @ApiProperty({ enum: ['numeric', 'categorical'] }) kind: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'],
  })
  test: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['default', 'manifest'] })
  test_source: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'p-value or distance' })
  score: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'p-value after DRIFT_CORRECTION' })
  adjusted_score?: number | null;
  @ApiProperty({ type: Number, nullable: true })
  threshold: number | null;
  @ApiProperty({ type: String, nullable: true, enum: ['p-value', 'distance'] })
  score_kind: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null unless verdict is drift or no_drift' })
  drift_detected: boolean | null;
  @ApiProperty({
    enum: ['drift', 'no_drift', 'insufficient_data', 'error'],
    description: 'insufficient_data: fewer values in the window than min_sample, so not judged',
  })
  verdict: string;
  @ApiProperty() reference_size: number;
  @ApiProperty() current_size: number;
  @ApiProperty({ type: Number, nullable: true, description: 'DRIFT_MIN_SAMPLE or the manifest override' })
  min_sample: number | null;
  @ApiProperty({ type: FeatureStatisticsDto, description: 'the statistics the feature kind has' })
  statistics: FeatureStatisticsDto;
  @ApiPropertyOptional({
    type: [UnseenCategoryDto],
    description: 'categories the reference never had, most frequent first',
  })
  unseen_categories?: UnseenCategoryDto[];
  @ApiProperty({ type: DataQualityDto }) data_quality: DataQualityDto;
  @ApiProperty({ type: DriftChartDto, nullable: true, description: 'the report page draws these bars' })
  chart: DriftChartDto | null;
  @ApiPropertyOptional({ description: 'why there is no verdict' }) error?: string;
}

class LabelShareDto {
  @ApiProperty() label: string;
  @ApiProperty() share: number;
}

export class PredictionDriftDto extends FeatureDriftDto {
  @ApiPropertyOptional({ type: [LabelShareDto], description: 'classifiers: share of each predicted label' })
  label_shares?: LabelShareDto[];
}

class ReferenceSummaryDto {
  @ApiProperty({ enum: ['file', 'window'] }) source: string;
  @ApiProperty() rows: number;
  @ApiProperty() source_rows: number;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiPropertyOptional({ type: DriftWindowDto }) window?: DriftWindowDto;
}

class SampleSizesDto {
  @ApiProperty() reference: number;
  @ApiProperty() current: number;
}

class SkippedFeatureDto {
  @ApiProperty() name: string;
  @ApiProperty() reason: string;
}

class DriftTimingsDto {
  @ApiProperty() buckets: number;
  @ApiProperty() crossings: number;
}

export class DatasetDriftDto {
  @ApiProperty({
    enum: ['drift', 'no_drift', 'insufficient_data'],
    description: 'insufficient_data when no feature had enough values to be tested',
  })
  verdict: string;
  @ApiProperty({ type: Number, nullable: true })
  drift_share: number | null;
  @ApiProperty() drift_detected: boolean;
  @ApiProperty() share_threshold: number;
  @ApiProperty({ type: [String] }) drifted_features: string[];
  @ApiProperty({ description: 'features with enough values to be judged' }) tested_features: number;
  @ApiProperty({ description: 'features the run looked at' }) monitored_features: number;
  @ApiProperty({ type: [String], description: 'features below their minimum sample' })
  insufficient_data_features: string[];
  @ApiProperty({ enum: ['none', 'bonferroni', 'bh'] }) correction: string;
}

export class DriftReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: DriftWindowDto }) window: DriftWindowDto;
  @ApiProperty({ type: ReferenceSummaryDto, nullable: true, description: 'null until a reference exists' })
  reference: ReferenceSummaryDto | null;
  @ApiProperty({ type: SampleSizesDto, description: 'rows on each side' }) sample_sizes: SampleSizesDto;
  @ApiProperty({ type: DatasetDriftDto }) dataset: DatasetDriftDto;
  @ApiProperty({ type: [FeatureDriftDto] }) features: FeatureDriftDto[];
  @ApiProperty({ type: PredictionDriftDto, nullable: true, description: "the model's output" })
  prediction: PredictionDriftDto | null;
  @ApiProperty({ type: [SkippedFeatureDto], description: 'features not monitored and why' })
  skipped_features: SkippedFeatureDto[];
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: String, nullable: true })
  completed_at: string | null;
  @ApiProperty({ type: Number, nullable: true })
  duration_ms: number | null;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
  @ApiPropertyOptional({ type: DriftTimingsDto, description: 'milliseconds in Postgres, per pass' })
  timings_ms?: DriftTimingsDto;
}

export class DriftRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: DriftWindowDto }) window: DriftWindowDto;
  @ApiProperty({ type: Number, nullable: true })
  current_rows: number | null;
  @ApiProperty({ type: Number, nullable: true })
  drift_share: number | null;
  @ApiProperty({ type: Boolean, nullable: true })
  dataset_drift: boolean | null;
  @ApiProperty({ type: [String] }) drifted_features: string[];
  @ApiProperty() created_at: string;
  @ApiProperty({ type: String, nullable: true })
  completed_at: string | null;
  @ApiProperty({ type: String, nullable: true })
  error: string | null;
}

export class DriftHistoryDto {
  @ApiProperty() model: string;
  @ApiProperty({ type: [DriftRunSummaryDto], description: 'newest first' }) items: DriftRunSummaryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as ?before= for the next page; null on the last page',
  })
  next_before: string | null;
}
