import { Feeds, Fetches, ModelSession } from '../../model-registry/onnx-session';
import { BatchLimits } from './batch-limits';
import { BatchItem, concatItems, itemFeeds, OutputShapeError, splitFetches } from './tensor-batch';

interface Waiting {
  item: BatchItem;
  enqueuedAt: number;
  resolve: (fetches: Fetches) => void;
  reject: (err: unknown) => void;
}

export interface BatchQueueHooks {
  /** Milliseconds from any origin (the app's Clock). */
  now(): number;
  /** One session run once it settled: its rows, how long each request it served waited, how long it ran. */
  ran(size: number, queueWaitSeconds: number[], runSeconds: number): void;
  /** The graph's outputs could not be split per request; the queue runs requests one by one from now on. */
  unbatchable(reason: string): void;
}

/**
 * The dynamic batcher of one model version and one request signature (see `batchKey`). Requests queue until the batch is full, or as many
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

  /** No request waiting and none scheduled: the queue can be dropped. */
  get idle(): boolean {
    return this.waiting.length === 0 && this.timer === undefined && this.immediate === undefined;
  }

  submit(item: BatchItem): Promise<Fetches> {
    if (!this.batchable || item.rows >= this.limits.maxBatchSize) return this.runAlone(item);
    return new Promise<Fetches>((resolve, reject) => {
      if (this.rows + item.rows > this.limits.maxBatchSize) this.flush();
      this.waiting.push({ item, enqueuedAt: this.hooks.now(), resolve, reject });
      this.rows += item.rows;
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
    // a lone request skips the copy into a batch matrix and the split back
    if (group.length === 1) {
      const { item, resolve, reject } = group[0];
      this.call(itemFeeds(item), item.outputs, rows, waits).then(resolve, reject);
    } else void this.runGroup(group, rows, waits);
  }

  private async runGroup(group: Waiting[], rows: number, waits: number[]): Promise<void> {
    const items = group.map((w) => w.item);
    let fetches: Fetches;
    try {
      fetches = await this.call(concatItems(items, rows), items[0].outputs, rows, waits);
    } catch {
      // one request's data can fail a run (an index out of range, say): each runs alone, so only
      // the request at fault fails, and a session that is really broken fails them all
      for (const w of group) this.runAlone(w.item).then(w.resolve, w.reject);
      return;
    }
    let parts: Fetches[];
    try {
      parts = splitFetches(
        fetches,
        items.map((i) => i.rows),
        rows,
      );
    } catch (err) {
      if (!(err instanceof OutputShapeError)) {
        for (const w of group) w.reject(err);
        return;
      }
      this.batchable = false;
      this.hooks.unbatchable(err.message);
      for (const w of group) this.runAlone(w.item).then(w.resolve, w.reject);
      return;
    }
    for (let i = 0; i < group.length; i++) group[i].resolve(parts[i]);
  }

  runAlone(item: BatchItem): Promise<Fetches> {
    return this.call(itemFeeds(item), item.outputs, item.rows, [0]);
  }

  /** One session run, reported when it settles; a session that throws instead of rejecting still settles. */
  private call(
    feeds: Feeds,
    outputs: readonly string[] | undefined,
    rows: number,
    waits: number[],
  ): Promise<Fetches> {
    const started = this.hooks.now();
    const report = () => this.hooks.ran(rows, waits, (this.hooks.now() - started) / 1000);
    let run: Promise<Fetches>;
    try {
      run = this.session.run(feeds, outputs);
    } catch (err) {
      report();
      return Promise.reject(err as Error);
    }
    return run.then(
      (fetches) => {
        report();
        return fetches;
      },
      (err: unknown) => {
        report();
        throw err;
      },
    );
  }
}
