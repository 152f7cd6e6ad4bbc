import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { PredictionTimings } from '../prediction/prediction.events';

/** A count and a total duration, in nanoseconds (Triton's `$duration_stat`). */
export interface DurationStat {
  count: number;
  ns: number;
}

export interface BatchSizeStat {
  batchSize: number;
  /** Session runs of this many rows and their total time. */
  computeInfer: DurationStat;
}

/** Everything one model version did since the process started (see docs/inference-protocol.md). */
export interface VersionStatistics {
  name: string;
  version: string;
  /** Milliseconds since the epoch of the last successful request; 0 before the first. */
  lastInference: number;
  /** Rows answered: a request of 64 rows counts 64. */
  inferenceCount: number;
  /** Session runs: one dynamic batch is one run, however many requests it served. */
  executionCount: number;
  success: DurationStat;
  fail: DurationStat;
  queue: DurationStat;
  computeInput: DurationStat;
  computeInfer: DurationStat;
  computeOutput: DurationStat;
  batches: BatchSizeStat[];
}

const NS = 1e9;
const stat = (): DurationStat => ({ count: 0, ns: 0 });

class Tally {
  lastInference = 0;
  inferenceCount = 0;
  executionCount = 0;
  readonly success = stat();
  readonly fail = stat();
  readonly queue = stat();
  readonly computeInput = stat();
  readonly computeInfer = stat();
  /** Time inside the requests' inference windows (sightline_inference_duration_seconds). */
  inferenceNs = 0;
  readonly batches = new Map<number, DurationStat>();
}

/**
 * Per-version counters fed by the same event calls as the Prometheus histograms: a request's
 * preprocess and inference times (PredictionEvents), and each session run's rows, queue waits
 * and duration (BatchEvents). Output extraction is what is left of the inference windows once the
 * queue waits and the runs are taken out (sums over the same requests, so the difference is exact
 * up to the failed ones).
 */
@Injectable()
export class InferenceStatistics {
  private readonly models = new Map<string, Map<string, Tally>>();

  constructor(private readonly clock: Clock) {}

  succeeded(model: string, version: string, rows: number, timings: PredictionTimings): void {
    const t = this.tally(model, version);
    t.lastInference = this.clock.now().getTime();
    t.inferenceCount += rows;
    const input = timings.preprocessSeconds * NS;
    const inference = timings.inferenceSeconds * NS;
    t.success.count += 1;
    t.success.ns += input + inference;
    t.computeInput.count += 1;
    t.computeInput.ns += input;
    t.inferenceNs += inference;
  }

  failed(model: string, version: string, seconds = 0): void {
    const t = this.tally(model, version);
    t.fail.count += 1;
    t.fail.ns += seconds * NS;
  }

  ran(model: string, version: string, size: number, queueWaits: readonly number[], runSeconds: number): void {
    const t = this.tally(model, version);
    t.executionCount += 1;
    for (const wait of queueWaits) t.queue.ns += wait * NS;
    t.queue.count += queueWaits.length;
    // every request in the run waited for all of it, as Triton counts it
    t.computeInfer.count += queueWaits.length;
    t.computeInfer.ns += runSeconds * NS * queueWaits.length;
    let batch = t.batches.get(size);
    if (!batch) t.batches.set(size, (batch = stat()));
    batch.count += 1;
    batch.ns += runSeconds * NS;
  }

  /** The counters of one version; zeros for a version that has not served yet. */
  of(model: string, version: string): VersionStatistics {
    const t = this.models.get(model)?.get(version) ?? new Tally();
    const round = (s: DurationStat): DurationStat => ({ count: s.count, ns: Math.round(s.ns) });
    const output = Math.max(0, t.inferenceNs - t.queue.ns - t.computeInfer.ns);
    return {
      name: model,
      version,
      lastInference: t.lastInference,
      inferenceCount: t.inferenceCount,
      executionCount: t.executionCount,
      success: round(t.success),
      fail: round(t.fail),
      queue: round(t.queue),
      computeInput: round(t.computeInput),
      computeInfer: round(t.computeInfer),
      computeOutput: { count: t.success.count, ns: Math.round(output) },
      batches: [...t.batches.entries()]
        .sort(([a], [b]) => a - b)
        .map(([batchSize, s]) => ({ batchSize, computeInfer: round(s) })),
    };
  }

  private tally(model: string, version: string): Tally {
    let versions = this.models.get(model);
    if (!versions) this.models.set(model, (versions = new Map()));
    let t = versions.get(version);
    if (!t) versions.set(version, (t = new Tally()));
    return t;
  }
}
