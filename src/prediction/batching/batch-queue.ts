import { EncodedBatch } from '../../model-registry/feature-encoder';
import { Feeds, Fetches, ModelSession } from '../../model-registry/onnx-session';
import { BatchLimits } from './batch-limits';
import { concatFeeds, feedsOf, OutputShapeError, splitFetches } from './tensor-batch';

interface Waiting {
  batch: EncodedBatch;
  enqueuedAt: number;
  resolve: (fetches: Fetches) => void;
  reject: (err: unknown) => void;
}

export interface BatchQueueHooks {
  /** Milliseconds from any origin (the app's Clock). */
  now(): number;
  /** One session run: its rows and how long each request it served waited. */
  ran(size: number, queueWaitSeconds: number[]): void;
  /** The graph's outputs could not be split per request; the queue runs requests one by one from now on. */
  unbatchable(reason: string): void;
}

/**
 * The dynamic batcher of one model version. Requests queue until the batch is full, or as many
 * requests wait as the last run served, or the first of them has waited `maxDelayMs` — except
 * that a request finding the queue idle waits only for the end of the current event-loop turn
 * (one `setImmediate`), so a lone request pays ~nothing and requests that arrive together still
 * share one session run.
 * onnxruntime-node runs a session synchronously on the event loop, ~20-30 µs a call whatever
 * the row count, so fewer calls is throughput gained.
 */
export class BatchQueue {
  private waiting: Waiting[] = [];
  private rows = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private lastFlush = Number.NEGATIVE_INFINITY;
  /** Requests the last session run served: about as many as are coming now under steady load. */
  private expected = 1;
  private batchable: boolean;

  constructor(
    private readonly session: ModelSession,
    private readonly limits: BatchLimits,
    private readonly hooks: BatchQueueHooks,
  ) {
    this.batchable = limits.maxBatchSize > 1;
  }

  submit(batch: EncodedBatch): Promise<Fetches> {
    if (!this.batchable || batch.rows >= this.limits.maxBatchSize) return this.runAlone(batch);
    return new Promise<Fetches>((resolve, reject) => {
      if (this.rows + batch.rows > this.limits.maxBatchSize) this.flush();
      this.waiting.push({ batch, enqueuedAt: this.hooks.now(), resolve, reject });
      this.rows += batch.rows;
      if (this.rows >= this.limits.maxBatchSize) this.flush();
      else if (this.timer === undefined && this.immediate === undefined) this.schedule();
      else if (this.timer !== undefined && this.waiting.length >= this.expected) this.soon();
    });
  }

  /** At the end of this event-loop turn instead of the batch window: the batch is as big as expected. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.immediate = setImmediate(this.fire);
  }

  /**
   * A request that finds the queue idle (no flush within the last maxDelayMs, or the last run
   * served one request) goes at the end of this event-loop turn: light traffic and a lone client
   * pay no delay. Under concurrent load, flushes come back to back and the batch stays open for
   * up to maxDelayMs, until as many requests wait as the last run served.
   */
  private schedule(): void {
    const { maxDelayMs } = this.limits;
    if (maxDelayMs > 0 && this.expected > 1 && this.hooks.now() - this.lastFlush < maxDelayMs) {
      this.timer = setTimeout(this.fire, maxDelayMs);
    } else {
      this.immediate = setImmediate(this.fire);
    }
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.immediate = undefined;
    this.flush();
  };

  private flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    const group = this.waiting;
    const rows = this.rows;
    this.waiting = [];
    this.rows = 0;
    if (group.length === 0) return;
    const now = this.hooks.now();
    this.lastFlush = now;
    this.expected = group.length;
    const waits = group.map((w) => (now - w.enqueuedAt) / 1000);
    this.hooks.ran(rows, waits);
    // a lone request skips the copy into a batch matrix and the split back
    if (group.length === 1) this.call(feedsOf(group[0].batch)).then(group[0].resolve, group[0].reject);
    else void this.runGroup(group, rows);
  }

  private async runGroup(group: Waiting[], rows: number): Promise<void> {
    let fetches: Fetches;
    try {
      fetches = await this.call(
        concatFeeds(
          group.map((w) => w.batch),
          rows,
        ),
      );
    } catch (err) {
      // rows were validated before they queued: a failed run is the session's, and every request in it fails
      for (const w of group) w.reject(err);
      return;
    }
    let parts: Fetches[];
    try {
      parts = splitFetches(
        fetches,
        group.map((w) => w.batch.rows),
        rows,
      );
    } catch (err) {
      if (!(err instanceof OutputShapeError)) {
        for (const w of group) w.reject(err);
        return;
      }
      this.batchable = false;
      this.hooks.unbatchable(err.message);
      for (const w of group) this.runAlone(w.batch).then(w.resolve, w.reject);
      return;
    }
    for (let i = 0; i < group.length; i++) group[i].resolve(parts[i]);
  }

  private runAlone(batch: EncodedBatch): Promise<Fetches> {
    this.hooks.ran(batch.rows, [0]);
    return this.call(feedsOf(batch));
  }

  /** A session that throws instead of rejecting must still settle every waiting request. */
  private call(feeds: Feeds): Promise<Fetches> {
    try {
      return this.session.run(feeds);
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }
}
