import { Injectable } from '@nestjs/common';

/**
 * What the registry reports about loading models. No-ops here; the telemetry module provides
 * the Prometheus implementation, so the registry stays free of metric code.
 */
@Injectable()
export class ModelRegistryEvents {
  loaded(_model: string, _version: string): void {}
  loadFailed(_model: string, _version: string): void {}
}
