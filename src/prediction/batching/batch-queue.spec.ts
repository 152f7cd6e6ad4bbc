import { BatchQueue, BatchQueueHooks } from './batch-queue';
import { Fetches } from '../../model-registry/onnx-session';
import { FakeSession, itemOf, sums } from '../../../test/utils/fake-session';

interface Run {
  size: number;
  waits: number[];
}

function queue(session: FakeSession, maxBatchSize: number, maxDelayMs = 0) {
  const runs: Run[] = [];
  const unbatchable: string[] = [];
  const hooks: BatchQueueHooks = {
    now: () => performance.now(),
    ran: (size, waits) => runs.push({ size, waits }),
    unbatchable: (reason) => unbatchable.push(reason),
  };
  return { q: new BatchQueue(session, { maxBatchSize, maxDelayMs }, hooks), runs, unbatchable };
}

/** A queue on a clock the test moves by hand (`clock.now`), with a 60 s window unless told. */
function clockedQueue(
  session: FakeSession,
  clock: { now: number },
  maxDelayMs = 60_000,
  runs: number[] = [],
) {
  return new BatchQueue(
    session,
    { maxBatchSize: 64, maxDelayMs },
    { now: () => clock.now, ran: (size) => runs.push(size), unbatchable: () => undefined },
  );
}

describe(BatchQueue.name, () => {
  afterEach(() => jest.useRealTimers());

  it('coalesces requests that arrive in the same event-loop turn into one session run', async () => {
    const session = new FakeSession();
    const { q, runs } = queue(session, 64);
    const results = await Promise.all([
      q.submit(itemOf([1, 2])),
      q.submit(itemOf([10, 20], [30, 40])),
      q.submit(itemOf([100, 200])),
    ]);
    expect(session.calls).toEqual([4]);
    expect(results.map(sums)).toEqual([[3], [30, 70], [300]]);
    expect(results[1].twice.dims).toEqual([2, 2]);
    expect([...(results[1].twice.data as Float32Array)]).toEqual([20, 40, 60, 80]);
    expect(runs).toHaveLength(1);
    expect(runs[0].size).toBe(4);
    expect(runs[0].waits).toHaveLength(3);
    for (const w of runs[0].waits) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('runs a lone request by itself and hands back the session outputs unchanged', async () => {
    const session = new FakeSession();
    const { q, runs } = queue(session, 64);
    const out = await q.submit(itemOf([5, 6]));
    expect(sums(out)).toEqual([11]);
    expect(session.calls).toEqual([1]);
    expect(runs.map((r) => r.size)).toEqual([1]);
  });

  it('splits the queue at the maximum batch size and never splits one request', async () => {
    const session = new FakeSession();
    const { q } = queue(session, 3);
    const results = await Promise.all([
      q.submit(itemOf([1, 1])),
      q.submit(itemOf([2, 2])),
      q.submit(itemOf([3, 3], [4, 4])), // 4 rows would exceed 3: the first two go without it
      q.submit(itemOf([5, 5])),
      q.submit(itemOf([6, 6], [7, 7], [8, 8], [9, 9])), // bigger than a batch: runs alone at once
    ]);
    expect(results.map(sums)).toEqual([[2], [4], [6, 8], [10], [12, 14, 16, 18]]);
    expect([...session.calls].sort()).toEqual([2, 3, 4]);
  });

  it('sends a request that finds the queue idle at the end of the turn, whatever maxDelayMs says', async () => {
    const session = new FakeSession();
    const { q } = queue(session, 64, 60_000);
    await expect(q.submit(itemOf([1, 2])).then(sums)).resolves.toEqual([3]);
    expect(session.calls).toEqual([1]);
  });

  it('under load, holds a batch open for maxDelayMs, then flushes what arrived', async () => {
    const session = new FakeSession();
    const clock = { now: 1000 };
    const runs: number[] = [];
    const q = clockedQueue(session, clock, 5, runs);
    // three requests arrive together: the queue was idle, they run at once, and now it is busy
    await Promise.all([0, 1, 2].map(() => q.submit(itemOf([0, 0]))));
    // the session's own hop stays real: only the batching timer is under test
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    clock.now += 1;
    const first = q.submit(itemOf([1, 0]));
    jest.advanceTimersByTime(4);
    const second = q.submit(itemOf([2, 0]));
    expect(q.idle).toBe(false);
    jest.advanceTimersByTime(1);
    // flushed at the 5 ms mark: nothing waits any more (the run itself reports when it settles)
    expect(q.idle).toBe(true);
    jest.useRealTimers();
    await expect(first.then(sums)).resolves.toEqual([1]);
    await expect(second.then(sums)).resolves.toEqual([2]);
    expect(runs).toEqual([3, 2]);
    expect(session.calls).toEqual([3, 2]);
  });

  it('under load, closes the batch at the end of the turn once as many wait as the last run served', async () => {
    const session = new FakeSession();
    const clock = { now: 1000 };
    const q = clockedQueue(session, clock);
    await Promise.all([q.submit(itemOf([0, 0])), q.submit(itemOf([0, 0]))]);
    clock.now += 1;
    // well inside the 60 s window, but the two requests the last run served are both back
    const results = await Promise.all([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2]))]);
    expect(results.map(sums)).toEqual([[2], [4]]);
    expect(session.calls).toEqual([2, 2]);
  });

  it('never holds a lone client: each of its requests runs at the end of its turn', async () => {
    const session = new FakeSession();
    const q = clockedQueue(session, { now: 1000 });
    for (let i = 0; i < 5; i++) await expect(q.submit(itemOf([i, i])).then(sums)).resolves.toEqual([2 * i]);
    expect(session.calls).toEqual([1, 1, 1, 1, 1]);
  });

  it('treats the queue as idle again once maxDelayMs has passed without a flush', async () => {
    const session = new FakeSession();
    const clock = { now: 1000 };
    const q = clockedQueue(session, clock);
    await q.submit(itemOf([0, 0]));
    clock.now += 60_000;
    await expect(q.submit(itemOf([1, 1])).then(sums)).resolves.toEqual([2]);
    expect(session.calls).toEqual([1, 1]);
  });

  it('flushes before the delay once the batch is full', async () => {
    const session = new FakeSession();
    const { q } = queue(session, 2, 60_000);
    await q.submit(itemOf([0, 0])); // busy from now on: the next batch waits for the delay or a full batch
    const results = await Promise.all([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2]))]);
    expect(results.map(sums)).toEqual([[2], [4]]);
    expect(session.calls).toEqual([1, 2]);
  });

  it('rejects every request of a batch whose session run fails', async () => {
    const session = new FakeSession();
    session.failWith = new Error('session exploded');
    const { q } = queue(session, 64);
    const settled = await Promise.allSettled([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2]))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(settled.map((s) => (s as PromiseRejectedResult).reason.message)).toEqual([
      'session exploded',
      'session exploded',
    ]);
    // the batch, then each request alone
    expect(session.calls).toEqual([2, 1, 1]);
    session.failWith = undefined;
    await expect(q.submit(itemOf([3, 3])).then(sums)).resolves.toEqual([6]);
  });

  it('retries a failed batch request by request, so only the request at fault fails', async () => {
    const session = new FakeSession();
    session.poison = 13;
    const { q, runs } = queue(session, 64);
    const settled = await Promise.allSettled([
      q.submit(itemOf([1, 1])),
      q.submit(itemOf([13, 0])),
      q.submit(itemOf([2, 2], [3, 3])),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[0] as PromiseFulfilledResult<Fetches>).value.sum.data).toEqual(Float32Array.from([2]));
    expect((settled[2] as PromiseFulfilledResult<Fetches>).value.sum.data).toEqual(Float32Array.from([4, 6]));
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe('row 0 is poison');
    expect(session.calls).toEqual([4, 1, 1, 2]);
    expect(runs.map((r) => r.size)).toEqual(expect.arrayContaining([4, 1, 1, 2]));
  });

  it('reports each run once it settled, with how long the session took', async () => {
    const session = new FakeSession();
    let now = 0;
    const runs: number[] = [];
    const q = new BatchQueue(
      session,
      { maxBatchSize: 64, maxDelayMs: 0 },
      {
        now: () => (now += 5),
        ran: (_size, _waits, seconds) => runs.push(seconds),
        unbatchable: () => undefined,
      },
    );
    await q.submit(itemOf([1, 1]));
    expect(runs).toEqual([0.005]);
  });

  it('settles waiting requests when the session throws instead of rejecting', async () => {
    const session = new FakeSession();
    session.run = () => {
      throw new Error('thrown synchronously');
    };
    const { q } = queue(session, 64);
    const settled = await Promise.allSettled([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2]))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('falls back to one run per request when outputs cannot be split by row', async () => {
    const session = new FakeSession();
    session.sumRows = 1;
    const { q, unbatchable } = queue(session, 64);
    const results = await Promise.all([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2]))]);
    expect(results.map(sums)).toEqual([[2], [4]]);
    expect(unbatchable).toEqual([expect.stringContaining('output sum has shape [1]')]);
    expect(session.calls).toEqual([2, 1, 1]);
    await Promise.all([q.submit(itemOf([3, 3])), q.submit(itemOf([4, 4]))]);
    expect(session.calls).toEqual([2, 1, 1, 1, 1]);
  });

  it('runs every request alone when batching is off (maxBatchSize 1)', async () => {
    const session = new FakeSession();
    const { q, runs } = queue(session, 1);
    const results = await Promise.all([q.submit(itemOf([1, 1])), q.submit(itemOf([2, 2], [3, 3]))]);
    expect(results.map(sums)).toEqual([[2], [4, 6]]);
    expect(session.calls).toEqual([1, 2]);
    expect(runs).toEqual([
      { size: 1, waits: [0] },
      { size: 2, waits: [0] },
    ]);
  });
});
