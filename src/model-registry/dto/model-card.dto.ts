import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FeatureSpec } from '../manifest';
import { ModelVersion, RegisteredModel } from '../model-version';

export class FeatureDto {
  @ApiProperty({ example: 'age' }) name: string;
  @ApiProperty({ enum: ['numeric', 'categorical', 'text'] }) type: 'numeric' | 'categorical' | 'text';
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ example: 18 }) min?: number;
  @ApiPropertyOptional({ example: 100 }) max?: number;
  @ApiPropertyOptional() default?: number;
  @ApiPropertyOptional({ enum: ['reject', 'clip', 'accept'] }) out_of_range?: string;
  @ApiPropertyOptional({ type: [String], example: ['own', 'rent', 'mortgage'] }) categories?: string[];
  @ApiPropertyOptional({ enum: ['reject', 'ignore'] }) unseen?: string;
  @ApiPropertyOptional({ example: 2000, description: 'text: most characters (code points)' })
  max_length?: number;
  @ApiPropertyOptional({ enum: ['reject', 'truncate'], description: 'text: what a longer text gets' })
  over_length?: string;
}

export class TensorDto {
  @ApiProperty({ example: 'input' }) name: string;
  @ApiProperty({ example: 'float32' }) datatype: string;
  @ApiProperty({ example: [-1, 14], type: [Number] }) shape: number[];
}

export class ModelVersionDto {
  @ApiProperty({ example: '2' }) version: string;
  @ApiProperty({ enum: ['loading', 'ready', 'failed'] }) status: string;
  @ApiPropertyOptional({ example: 'manifest does not match the graph: ...' }) error?: string;
  @ApiPropertyOptional() loaded_at?: string;
  @ApiProperty({ description: 'false for a bare model.onnx, served on /v2 only' }) has_manifest: boolean;
  @ApiProperty({ enum: ['classification', 'regression'], nullable: true }) task: string | null;
  @ApiProperty({ type: [TensorDto] }) inputs: TensorDto[];
  @ApiProperty({ type: [TensorDto] }) outputs: TensorDto[];
  @ApiPropertyOptional({
    example: 64,
    description: 'tokenizer models: most tokens per text, special tokens included',
  })
  max_tokens?: number;
}

export class ModelCardDto {
  @ApiProperty({ example: 'loan-risk' }) name: string;
  @ApiProperty({ type: String, example: '2', nullable: true }) default_version: string | null;
  @ApiProperty({ enum: ['loading', 'ready', 'failed'], description: 'status of the default version' })
  status: string;
  @ApiProperty({ enum: ['classification', 'regression'], nullable: true }) task: string | null;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [String], example: ['repaid', 'default'] }) labels: string[];
  @ApiProperty({ type: [FeatureDto] }) features: FeatureDto[];
  @ApiProperty({ type: [ModelVersionDto] }) versions: ModelVersionDto[];
  @ApiProperty({ type: [String], description: 'problems with the model directory itself' })
  problems: string[];
}

export class ModelListDto {
  @ApiProperty({ type: [ModelCardDto] }) models: ModelCardDto[];
}

function toFeatureDto(f: FeatureSpec): FeatureDto {
  if (f.type === 'numeric') {
    return {
      name: f.name,
      type: f.type,
      required: f.required,
      min: f.min,
      max: f.max,
      default: f.default,
      out_of_range: f.outOfRange,
    };
  }
  if (f.type === 'text') {
    return {
      name: f.name,
      type: f.type,
      required: f.required,
      max_length: f.maxLength,
      over_length: f.overLength,
    };
  }
  return { name: f.name, type: f.type, required: f.required, categories: f.categories, unseen: f.unseen };
}

const dims = (shape: (number | string)[]): number[] =>
  shape.map((d) => (typeof d === 'number' && d >= 0 ? d : -1));

export function toModelVersionDto(v: ModelVersion): ModelVersionDto {
  return {
    version: v.version,
    status: v.status,
    error: v.error,
    loaded_at: v.loadedAt?.toISOString(),
    has_manifest: v.manifest !== undefined,
    task: v.manifest?.task ?? null,
    inputs: v.inputs.map((t) => ({ name: t.name, datatype: t.type, shape: dims(t.shape) })),
    outputs: v.outputs.map((t) => ({ name: t.name, datatype: t.type, shape: dims(t.shape) })),
    max_tokens: v.tokenizer?.maxLength,
  };
}

export function toModelCardDto(model: RegisteredModel): ModelCardDto {
  const dflt = model.defaultVersion ? model.versions.get(model.defaultVersion) : undefined;
  return {
    name: model.name,
    default_version: model.defaultVersion ?? null,
    status: dflt?.status ?? 'failed',
    task: dflt?.manifest?.task ?? null,
    description: dflt?.manifest?.description,
    labels: dflt?.manifest?.labels ?? [],
    features: dflt?.manifest?.features.map(toFeatureDto) ?? [],
    versions: [...model.versions.values()].map(toModelVersionDto),
    problems: model.problems,
  };
}
