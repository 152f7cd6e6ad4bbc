import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ModelRefDto } from '../../../prediction/dto/predict-response.dto';

export class DriftWindowDto {
  @ApiProperty({ description: 'inclusive' }) from: string;
  @ApiProperty({ description: 'exclusive' }) to: string;
}

export class FeatureDriftDto {
  @ApiProperty({ example: 'income', description: '`__prediction__` is the model output' }) name: string;
  @ApiProperty({ enum: ['numeric', 'categorical'] }) kind: string;
  @ApiProperty({ nullable: true, enum: ['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi'] })
  test: string | null;
  @ApiProperty({ nullable: true, enum: ['default', 'manifest'] }) test_source: string | null;
  @ApiProperty({ nullable: true, description: 'p-value or distance' }) score: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'p-value after DRIFT_CORRECTION' }) adjusted_score?:
    number | null;
  @ApiProperty({ nullable: true }) threshold: number | null;
  @ApiProperty({ nullable: true, enum: ['p-value', 'distance'] }) score_kind: string | null;
  @ApiProperty({ nullable: true, description: 'null unless verdict is drift or no_drift' }) drift_detected:
    boolean | null;
  @ApiProperty({
    enum: ['drift', 'no_drift', 'insufficient_data', 'error'],
    description: 'insufficient_data: fewer values in the window than min_sample, so not judged',
  })
  verdict: string;
  @ApiProperty() reference_size: number;
  @ApiProperty() current_size: number;
  @ApiProperty({ nullable: true, description: 'DRIFT_MIN_SAMPLE or the manifest override' }) min_sample:
    number | null;
  @ApiProperty({
    description:
      'ks {statistic, p_value, method}, psi, jensen_shannon (base 2), wasserstein {distance, normed, reference_std}, chi_square, z',
  })
  statistics: object;
  @ApiPropertyOptional({ description: 'categories the reference never had, most frequent first' })
  unseen_categories?: object[];
  @ApiProperty({
    description: 'missing, out_of_range (numeric), unseen_category (categorical): counts and shares',
  })
  data_quality: object;
  @ApiProperty({ nullable: true, description: '{labels, reference, current}: proportions per bar' }) chart:
    object | null;
  @ApiPropertyOptional({ description: 'why there is no verdict' }) error?: string;
}

export class DatasetDriftDto {
  @ApiProperty({
    enum: ['drift', 'no_drift', 'insufficient_data'],
    description: 'insufficient_data when no feature had enough values to be tested',
  })
  verdict: string;
  @ApiProperty({ nullable: true }) drift_share: number | null;
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
  @ApiProperty() id: string;
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: DriftWindowDto }) window: DriftWindowDto;
  @ApiProperty({
    nullable: true,
    description: '{source: file|window, rows, source_rows, created_at, window?}',
  })
  reference: object | null;
  @ApiProperty({ description: '{reference, current}: rows' }) sample_sizes: object;
  @ApiProperty({ type: DatasetDriftDto }) dataset: DatasetDriftDto;
  @ApiProperty({ type: [FeatureDriftDto] }) features: FeatureDriftDto[];
  @ApiProperty({ type: FeatureDriftDto, nullable: true, description: 'plus label_shares for classifiers' })
  prediction: FeatureDriftDto | null;
  @ApiProperty({ description: 'features not monitored and why' }) skipped_features: object[];
  @ApiProperty() created_at: string;
  @ApiProperty({ nullable: true }) completed_at: string | null;
  @ApiProperty({ nullable: true }) duration_ms: number | null;
  @ApiProperty({ nullable: true }) error: string | null;
}

export class DriftRunSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() version: string;
  @ApiProperty({ enum: ['manual', 'schedule'] }) trigger: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ type: DriftWindowDto }) window: DriftWindowDto;
  @ApiProperty({ nullable: true }) current_rows: number | null;
  @ApiProperty({ nullable: true }) drift_share: number | null;
  @ApiProperty({ nullable: true }) dataset_drift: boolean | null;
  @ApiProperty({ type: [String] }) drifted_features: string[];
  @ApiProperty() created_at: string;
  @ApiProperty({ nullable: true }) completed_at: string | null;
  @ApiProperty({ nullable: true }) error: string | null;
}

export class DriftHistoryDto {
  @ApiProperty() model: string;
  @ApiProperty({ type: [DriftRunSummaryDto], description: 'newest first' }) items: DriftRunSummaryDto[];
  @ApiProperty({ nullable: true, description: 'pass as ?before= for the next page; null on the last page' })
  next_before: string | null;
}
