import { Injectable } from '@nestjs/common';

/**
 * What the log pipeline reports about itself. The default does nothing; the telemetry module
 * binds an implementation that feeds Prometheus, so the writer never imports prom-client.
 */
@Injectable()
export class PredictionLogEvents {
  queued(_count: number, _depth: number): void {}
  written(_count: number, _seconds: number, _depth: number): void {}
  failed(_count: number, _error: Error): void {}
  dropped(_count: number, _reason: string): void {}
}
