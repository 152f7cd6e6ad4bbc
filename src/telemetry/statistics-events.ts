import { BatchEvents } from '../prediction/batching/batch-events';
import { PredictionEvents, PredictionTimings } from '../prediction/prediction.events';
import { InferenceStatistics } from './inference-statistics';

/** The prediction path's events, counted for the statistics and passed on to the metrics. */
export class StatisticsPredictionEvents extends PredictionEvents {
  constructor(
    private readonly stats: InferenceStatistics,
    private readonly next: PredictionEvents,
  ) {
    super();
  }

  override succeeded(model: string, version: string, rows: number, timings: PredictionTimings): void {
    this.stats.succeeded(model, version, rows, timings);
    this.next.succeeded(model, version, rows, timings);
  }

  override failed(model: string, version: string, errorClass: string, seconds?: number): void {
    this.stats.failed(model, version, seconds);
    this.next.failed(model, version, errorClass, seconds);
  }
}

/** The batcher's session runs, counted for the statistics and passed on to the metrics. */
export class StatisticsBatchEvents extends BatchEvents {
  constructor(
    private readonly stats: InferenceStatistics,
    private readonly next: BatchEvents,
  ) {
    super();
  }

  override batch(
    model: string,
    version: string,
    size: number,
    queueWaitSeconds: readonly number[],
    runSeconds: number,
  ): void {
    this.stats.ran(model, version, size, queueWaitSeconds, runSeconds);
    this.next.batch(model, version, size, queueWaitSeconds, runSeconds);
  }
}
