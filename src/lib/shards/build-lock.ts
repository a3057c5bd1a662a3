// One build at a time per checkout and per shard cache. Two at once (npm run build in one terminal, npm test
// building dist/ in another) build the same shard into the same folder under <root>/.cache/shard-builds/
// (the folder is named by the shard's key) and replace each other's cache entries while the other merges from
// them: seen as a batch failing with a half-written page. The second build waits for the first instead.
//
// The locks are lock files (src/lib/lock-file.ts). Unlike the ingest's, a build's lock whose process is gone
// (a build killed mid-way), or that still cannot be read a moment later, is taken over: a build writes only the cache, which is
// keyed, and a staging folder, never dist/ in place. Locks are taken in the caller's order (the checkout, then
// the cache), which every build follows, so two builds never wait for each other.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tryLock } from '../lock-file';

/** Take the locks at `paths`, in order, waiting while a live process holds one; resolves with their release. */
export async function takeLocks(paths: readonly string[], o: { onWait?: (path: string, pid: number) => void; everyMs?: number } = {}): Promise<() => void> {
  const releases: (() => void)[] = [];
  const release = () => {
    for (const r of releases.reverse()) r();
  };
  try {
    for (const path of paths) {
      mkdirSync(dirname(path), { recursive: true });
      let told = false;
      let unreadableBefore = false;
      for (;;) {
        const got = tryLock(path);
        if (got.taken) {
          releases.push(got.release);
          break;
        }
        // Unreadable twice running: not a lock being written (created, then written), but a broken one.
        if (got.stale || (got.unreadable && unreadableBefore)) {
          rmSync(path, { force: true });
          continue;
        }
        unreadableBefore = got.unreadable;
        if (!got.unreadable && !told) {
          o.onWait?.(path, got.holder.pid!);
          told = true;
        }
        await sleep(o.everyMs ?? 250);
      }
    }
  } catch (e) {
    release();
    throw e;
  }
  return release;
}
