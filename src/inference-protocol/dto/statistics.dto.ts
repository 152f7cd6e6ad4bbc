import { ApiProperty } from '@nestjs/swagger';

export class DurationStatDto {
  @ApiProperty({ example: 12, description: 'how many times this was measured' }) count: number;
  @ApiProperty({ example: 3456789, description: 'total duration, in nanoseconds' }) ns: number;
}

export class InferenceStatsDto {
  @ApiProperty({ description: 'successful requests and their time (input preparation and inference)' })
  success: DurationStatDto;
  @ApiProperty({ description: 'failed requests and their time' }) fail: DurationStatDto;
  @ApiProperty({ description: 'time requests waited in the dynamic batching queue' }) queue: DurationStatDto;
  @ApiProperty({ description: 'time validating and decoding the inputs into tensors' })
  compute_input: DurationStatDto;
  @ApiProperty({ description: 'time in the session run that served each request' })
  compute_infer: DurationStatDto;
  @ApiProperty({ description: 'time extracting each request’s outputs after its run' })
  compute_output: DurationStatDto;
  @ApiProperty({ description: 'always zero: Sightline has no response cache' }) cache_hit: DurationStatDto;
  @ApiProperty({ description: 'always zero: Sightline has no response cache' }) cache_miss: DurationStatDto;
}

export class BatchStatsDto {
  @ApiProperty({ example: 8 }) batch_size: number;
  @ApiProperty({ description: 'zero time: inputs are prepared per request, before batching' })
  compute_input: DurationStatDto;
  @ApiProperty({ description: 'session runs of this size and their time' }) compute_infer: DurationStatDto;
  @ApiProperty({ description: 'zero time: outputs are extracted per request, after the run' })
  compute_output: DurationStatDto;
}

export class ModelStatisticsDto {
  @ApiProperty({ example: 'loan-risk' }) name: string;
  @ApiProperty({ example: '2' }) version: string;
  @ApiProperty({
    example: 1767225600000,
    description: 'last successful request, ms since the epoch; 0 if none',
  })
  last_inference: number;
  @ApiProperty({ example: 64, description: 'rows answered (a request of 8 rows counts 8)' })
  inference_count: number;
  @ApiProperty({ example: 9, description: 'session runs (one dynamic batch is one run)' })
  execution_count: number;
  @ApiProperty() inference_stats: InferenceStatsDto;
  @ApiProperty({ type: [BatchStatsDto] }) batch_stats: BatchStatsDto[];
}

export class StatisticsResponseDto {
  @ApiProperty({ type: [ModelStatisticsDto] }) model_stats: ModelStatisticsDto[];
}
