import { Injectable } from '@nestjs/common';
import { ModelAccess } from '../common/http/model-access';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { DurationStat, InferenceStatistics, VersionStatistics } from '../telemetry/inference-statistics';
import { ModelStatisticsDto, StatisticsResponseDto } from './dto/statistics.dto';

const ZERO: DurationStat = { count: 0, ns: 0 };

/**
 * Triton's statistics extension (GET /v2/models[/{name}[/versions/{version}]]/stats): per version,
 * counts and durations since the process started, from the same timings as the Prometheus metrics.
 */
@Injectable()
export class ProtocolStatisticsService {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly stats: InferenceStatistics,
  ) {}

  /**
   * Every ready version of every model the caller may see, or every version of one model, or one
   * version; an unknown model or version is the registry's 404.
   */
  statistics(name?: string, version?: string, access: ModelAccess = ModelAccess.ALL): StatisticsResponseDto {
    if (name !== undefined && version !== undefined) {
      const v = this.registry.version(name, version);
      return { model_stats: [this.entry(v.name, v.version)] };
    }
    const chosen =
      name !== undefined
        ? [this.registry.get(name)]
        : this.registry.list().filter((m) => access.allows(m.name));
    const model_stats = chosen.flatMap((m) =>
      [...m.versions.values()]
        .filter((v) => name !== undefined || v.status === 'ready')
        .map((v) => this.entry(m.name, v.version)),
    );
    return { model_stats };
  }

  private entry(name: string, version: string): ModelStatisticsDto {
    return toTriton(this.stats.of(name, version));
  }
}

function toTriton(s: VersionStatistics): ModelStatisticsDto {
  return {
    name: s.name,
    version: s.version,
    last_inference: s.lastInference,
    inference_count: s.inferenceCount,
    execution_count: s.executionCount,
    inference_stats: {
      success: s.success,
      fail: s.fail,
      queue: s.queue,
      compute_input: s.computeInput,
      compute_infer: s.computeInfer,
      compute_output: s.computeOutput,
      cache_hit: ZERO,
      cache_miss: ZERO,
    },
    batch_stats: s.batches.map((b) => ({
      batch_size: b.batchSize,
      compute_input: { count: b.computeInfer.count, ns: 0 },
      compute_infer: b.computeInfer,
      compute_output: { count: b.computeInfer.count, ns: 0 },
    })),
  };
}
