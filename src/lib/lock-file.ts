// A lock file: created with O_EXCL (`wx`), which succeeds or fails atomically on every local file system, and
// recording who holds it (process, host, since when, command), so whoever finds it taken can say who, and
// tell whether that process is still running. What to do about a held or stale lock is the caller's policy:
// the ingest refuses and says how to clear it (ingest/write-lock.ts); a build waits and takes over a stale
// one (shards/build-lock.ts).
import { hostname } from 'node:os';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
  command: string;
}

/** Taken (with its release), or held: by whom (what could be read), and whether that process is gone. */
export type LockAttempt =
  | { taken: true; release: () => void }
  | { taken: false; holder: Partial<LockHolder>; stale: boolean; unreadable: boolean };

export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Who holds the lock at `file`, as far as it can be read. */
export function lockHolder(file: string): { holder: Partial<LockHolder>; stale: boolean; unreadable: boolean } {
  let holder: Partial<LockHolder> = {};
  let unreadable = false;
  try {
    const read: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (read && typeof read === 'object') holder = read as Partial<LockHolder>;
  } catch {
    // Gone meanwhile, unreadable or half-written (just created, not yet written): say what we can.
  }
  if (typeof holder.pid !== 'number') unreadable = true;
  // Only a process of this host can be checked.
  const stale = typeof holder.pid === 'number' && holder.host === hostname() && !processAlive(holder.pid);
  return { holder, stale, unreadable };
}

/** Take the lock at `file` if no one holds it. Its release removes the file only while it is still this process's. */
export function tryLock(file: string): LockAttempt {
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
  try {
    writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return { taken: false, ...lockHolder(file) };
  }
  const release = () => {
    const { holder } = lockHolder(file);
    if (holder.pid === me.pid && holder.started === me.started) rmSync(file, { force: true });
  };
  return { taken: true, release };
}
