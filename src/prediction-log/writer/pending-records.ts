import { PredictionRecord } from '../record/prediction-record';

/**
 * The records this process has recorded and not yet seen committed, by id (at most `max`): a
 * read right after a prediction finds it, and feedback can wait for it to reach Postgres.
 */
export class PendingRecords {
  private readonly byId = new Map<string, PredictionRecord>();
  private readonly waiters = new Set<{ ids: readonly string[]; done: () => void }>();

  constructor(private readonly max: number) {}

  add(records: readonly PredictionRecord[]): void {
    for (const r of records) if (this.byId.size < this.max) this.byId.set(r.id, r);
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) this.byId.delete(id);
    for (const waiter of this.waiters) if (!this.any(waiter.ids)) waiter.done();
  }

  get(id: string): PredictionRecord | undefined {
    return this.byId.get(id);
  }

  any(ids: readonly string[]): boolean {
    return ids.some((id) => this.byId.has(id));
  }

  /** Resolves once none of `ids` is pending, or after `timeoutMs`. */
  async waitFor(ids: readonly string[], timeoutMs: number): Promise<void> {
    if (!this.any(ids)) return;
    let timer: NodeJS.Timeout | undefined;
    let waiter: { ids: readonly string[]; done: () => void } | undefined;
    await new Promise<void>((resolve) => {
      waiter = { ids, done: resolve };
      this.waiters.add(waiter);
      timer = setTimeout(resolve, timeoutMs);
    });
    clearTimeout(timer);
    this.waiters.delete(waiter!);
  }
}
