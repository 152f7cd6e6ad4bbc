import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ModelRegistry } from '../model-registry/model-registry.service';

/**
 * Up when start-up loading has finished and at least one model version is ready. Versions that
 * failed to load are listed but do not take the service out of rotation: the others still serve.
 */
@Injectable()
export class ModelsHealthIndicator {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check(key = 'models'): HealthIndicatorResult {
    const check = this.indicator.check(key);
    const versions = this.registry.list().flatMap((m) => [...m.versions.values()]);
    const ready = versions.filter((v) => v.status === 'ready').map((v) => `${v.name}@${v.version}`);
    const failed = versions.filter((v) => v.status === 'failed').map((v) => `${v.name}@${v.version}`);
    const details = { ready, failed };
    if (!this.registry.startupComplete) return check.down({ ...details, reason: 'models are still loading' });
    if (ready.length === 0) return check.down({ ...details, reason: 'no model version is ready' });
    return check.up(details);
  }
}
