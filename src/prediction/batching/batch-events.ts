import { Injectable } from '@nestjs/common';

/**
 * What the dynamic batcher reports about each session run. No-ops here; the telemetry module
 * binds the Prometheus implementation (`sightline_batch_size`, `sightline_batch_queue_wait_seconds`).
 */
@Injectable()
export class BatchEvents {
  /**
   * One session run of `size` rows, once it settled: `queueWaitSeconds` holds one entry per
   * request it served, `runSeconds` is how long the session took.
   */
  batch(
    _model: string,
    _version: string,
    _size: number,
    _queueWaitSeconds: readonly number[],
    _runSeconds: number,
  ): void {}
}
