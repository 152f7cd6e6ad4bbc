import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ModelRegistryEvents } from '../model-registry/model-registry.events';
import { ModelRegistry } from '../model-registry/model-registry.service';
import { counter } from './metric-kit';
import { MetricsRegistry } from './metrics.registry';

/** `sightline_model_load_failures_total`, counted as the registry loads versions. */
@Injectable()
export class MetricsModelRegistryEvents extends ModelRegistryEvents {
  private readonly failures: Counter<'model'>;

  constructor(metrics: MetricsRegistry) {
    super();
    this.failures = counter(metrics.registry, {
      name: 'sightline_model_load_failures_total',
      help: 'Model versions that failed to load, by model',
      labelNames: ['model'],
    });
  }

  override loaded(model: string): void {
    // a model that loads fine still gets its series at 0, so increase() works from the start
    this.failures.inc({ model }, 0);
  }

  override loadFailed(model: string): void {
    this.failures.inc({ model });
  }
}

/**
 * `sightline_model_info` and `sightline_model_ready`, read from the registry at scrape time so
 * they always show what is loaded now, including after a reload.
 */
@Injectable()
export class ModelMetrics {
  constructor(metrics: MetricsRegistry, registry: ModelRegistry) {
    new Gauge({
      name: 'sightline_model_info',
      help: 'Loaded model versions (always 1), with whether each is the default and its task',
      labelNames: ['model', 'version', 'default', 'task'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const model of registry.list()) {
          for (const v of model.versions.values()) {
            if (v.status !== 'ready') continue;
            this.set(
              {
                model: v.name,
                version: v.version,
                default: String(v.version === model.defaultVersion),
                task: v.manifest?.task ?? 'none',
              },
              1,
            );
          }
        }
      },
    });
    new Gauge({
      name: 'sightline_model_ready',
      help: 'Whether the model version can serve (1) or not (0)',
      labelNames: ['model', 'version'],
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const model of registry.list()) {
          for (const v of model.versions.values()) {
            this.set({ model: v.name, version: v.version }, v.status === 'ready' ? 1 : 0);
          }
        }
      },
    });
  }
}
