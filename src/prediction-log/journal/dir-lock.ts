import { randomUUID } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';

// Locks held by this process: the pid check cannot tell two app instances of one process apart.
const held = new Set<string>();

export class JournalLockedError extends Error {}

export interface LockOptions {
  /** How often the holder touches the lock file. */
  heartbeatMs?: number;
  /** A lock from another host untouched this long belongs to a process that is gone. */
  staleMs?: number;
}

interface Owner {
  host: string;
  pid: number;
  token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): Owner | undefined {
  const text = readFileSync(path, 'utf8');
  try {
    const owner = JSON.parse(text) as Owner;
    if (typeof owner.host === 'string' && Number.isInteger(owner.pid)) return owner;
  } catch {
    // a lock written by an older version holds a bare pid
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) ? { host: hostname(), pid, token: '' } : undefined;
}

/** Why the directory cannot be ours, or undefined when its lock may be taken over. */
function refusal(path: string, owner: Owner, staleMs: number): string | undefined {
  const advice = 'give every replica its own PREDICTION_LOG_JOURNAL_DIR';
  if (owner.host === hostname()) {
    // our own pid that we do not hold is a previous incarnation: a container restarted as pid 1
    if (owner.pid !== process.pid && alive(owner.pid))
      return `${path} is held by process ${owner.pid}: ${advice}`;
    return undefined;
  }
  const age = Date.now() - statSync(path).mtimeMs;
  if (age >= staleMs) return undefined;
  return `${path} is held by process ${owner.pid} on ${owner.host} (alive ${Math.round(age / 1000)} s ago): ${advice}`;
}

/**
 * One process per journal directory: two replicas replaying and deleting the same segments would
 * lose records. The lock file names its holder (host, pid) and is touched every heartbeat. A lock
 * of a dead process on this host (a crash) is taken over at once; one from another host (two pods
 * sharing a volume) only when its heartbeat has stopped for `staleMs`.
 */
export function acquireLock(path: string, options: LockOptions = {}): () => void {
  const { heartbeatMs = 2000, staleMs = 15_000 } = options;
  if (held.has(path)) throw new JournalLockedError(`${path} is held by another instance in this process`);
  const me: Owner = { host: hostname(), pid: process.pid, token: randomUUID() };
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const owner = readOwner(path);
    const refused = owner && refusal(path, owner, staleMs);
    if (refused) throw new JournalLockedError(refused);
    writeFileSync(path, JSON.stringify(me));
  }
  held.add(path);
  const heartbeat = setInterval(() => {
    try {
      const now = new Date();
      utimesSync(path, now, now);
    } catch {
      // the directory is gone: the next start recreates it
    }
  }, heartbeatMs);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    if (!held.delete(path)) return;
    try {
      if (readOwner(path)?.token === me.token) unlinkSync(path);
    } catch {
      // already gone: nothing to release
    }
  };
}
