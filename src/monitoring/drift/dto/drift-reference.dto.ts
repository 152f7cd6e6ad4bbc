import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DriftWindowDto } from './drift-report.dto';
import { ModelRefDto } from '../../../prediction/dto/predict-response.dto';
import { FeatureProfile, StoredReference } from '../reference/profile.types';

export class ReferenceFeatureDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['numeric', 'categorical'] }) kind: string;
  @ApiProperty({ description: 'values present' }) count: number;
  @ApiProperty() missing: number;
  @ApiPropertyOptional({ description: 'numeric: distinct values kept (the exact support)' })
  distinct?: number;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
  @ApiPropertyOptional({ type: [Number], description: 'numeric: PSI/JS bin edges (reference deciles)' })
  bin_edges?: number[];
  @ApiPropertyOptional({
    description: 'categorical: [category, count] pairs',
    type: 'array',
    items: {
      type: 'array',
      items: { oneOf: [{ type: 'string' }, { type: 'number' }] },
      minItems: 2,
      maxItems: 2,
    },
  })
  categories?: [string, number][];
}

export class DriftReferenceDto {
  @ApiProperty({ type: ModelRefDto }) model: ModelRefDto;
  @ApiProperty({ enum: ['file', 'window'] }) source: string;
  @ApiProperty({ description: 'rows in the profile' }) rows: number;
  @ApiProperty({ description: 'rows in the source (a larger window is sampled to DRIFT_MAX_SAMPLE)' })
  source_rows: number;
  @ApiPropertyOptional({ type: DriftWindowDto, description: 'window references: the window' })
  window?: DriftWindowDto;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ type: [ReferenceFeatureDto] }) features: ReferenceFeatureDto[];
  @ApiProperty({ type: ReferenceFeatureDto, nullable: true }) prediction: ReferenceFeatureDto | null;
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function feature(name: string, p: FeatureProfile): ReferenceFeatureDto {
  return p.kind === 'numeric'
    ? {
        name,
        kind: p.kind,
        count: p.count,
        missing: p.missing,
        distinct: p.values.length,
        min: p.values[0],
        max: p.values[p.values.length - 1],
        bin_edges: p.binEdges,
      }
    : { name, kind: p.kind, count: p.count, missing: p.missing, categories: p.categories };
}

/** `order`: the manifest's feature order (jsonb keeps its own key order). */
export function toReferenceDto(ref: StoredReference, order: string[]): DriftReferenceDto {
  const features = ref.profile.features;
  const names = Object.keys(features).sort((a, b) => rank(order, a) - rank(order, b));
  return {
    model: { name: ref.modelName, version: ref.modelVersion },
    source: ref.source,
    rows: ref.profile.rows,
    source_rows: ref.sourceRows,
    ...(ref.windowStart && ref.windowEnd
      ? { window: { from: ref.windowStart.toISOString(), to: ref.windowEnd.toISOString() } }
      : {}),
    created_at: ref.createdAt.toISOString(),
    features: names.map((name) => feature(name, features[name])),
    prediction: ref.profile.prediction ? feature('__prediction__', ref.profile.prediction) : null,
  };
}
