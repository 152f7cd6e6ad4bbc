import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';

// Locks held by this process: the pid check cannot tell two app instances of one process apart.
const held = new Set<string>();

export class JournalLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per journal directory: two replicas replaying and deleting the same segments would
 * lose records. A lock left by a dead process (a crash) is taken over; so is one naming our own
 * pid that we do not hold, which is what a container restarted as pid 1 finds.
 */
export function acquireLock(path: string): () => void {
  if (held.has(path)) throw new JournalLockedError(`${path} is held by another instance in this process`);
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new JournalLockedError(
        `${path} is held by process ${pid}: give every replica its own PREDICTION_LOG_JOURNAL_DIR`,
      );
    }
    writeFileSync(path, String(process.pid));
    held.add(path);
    return () => release(path);
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  held.add(path);
  return () => release(path);
}

function release(path: string): void {
  if (!held.delete(path)) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone: nothing to release
  }
}
