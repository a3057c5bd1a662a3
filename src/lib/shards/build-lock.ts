// One build at a time per checkout and per shard cache. Two at once (npm run build in one terminal, npm test
// building dist/ in another) build the same shard into the same folder under <root>/.cache/shard-builds/
// (the folder is named by the shard's key) and replace each other's cache entries while the other merges from
// them: seen as a batch failing with a half-written page. The second build waits for the first instead.
//
// A lock is a file holding its process id, created only if absent ('wx'); a lock whose process is gone (a
// build killed mid-way) is stale and taken over. Locks are taken in the caller's order (the checkout, then the
// cache), which every build follows, so two builds never wait for each other.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The process holding the lock at `path`, or undefined when none does (absent, unreadable, or its process gone). */
function holder(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    // EPERM: alive, another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

/** Take the locks at `paths`, in order, waiting while a live process holds one; resolves with their release. */
export async function takeLocks(paths: readonly string[], o: { onWait?: (path: string, pid: number) => void; everyMs?: number } = {}): Promise<() => void> {
  const taken: string[] = [];
  const release = () => {
    for (const p of taken.reverse()) if (holder(p) === process.pid) rmSync(p, { force: true });
  };
  try {
    for (const path of paths) {
      mkdirSync(dirname(path), { recursive: true });
      let told = false;
      for (;;) {
        try {
          writeFileSync(path, String(process.pid), { flag: 'wx' });
          taken.push(path);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const pid = holder(path);
        if (pid === undefined) {
          rmSync(path, { force: true });
          continue;
        }
        if (!told) o.onWait?.(path, pid);
        told = true;
        await sleep(o.everyMs ?? 250);
      }
    }
  } catch (e) {
    release();
    throw e;
  }
  return release;
}
