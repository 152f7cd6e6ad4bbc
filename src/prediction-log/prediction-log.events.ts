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
  /** Records appended to the disk journal because Postgres could not take them (or memory was full). */
  journaled(_count: number): void {}
  /** Journaled records written to Postgres (they are counted in `written` too). */
  replayed(_count: number): void {}
}
