// Stale cache entries (a batch no district names any more, the global shard's previous output, another
// code's downloads cache) are renamed into <cache>/.trash/ and deleted there by a detached process, off
// the build's critical path, as the replaced dist/ is (staged-site.ts removeLater). At 100× the seeds,
// deleting the previous code's two batches (~42,000 files) in place took 45 s of the build's last step.
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { removeLater } from '../build-worker/staged-site';

const trashOf = (cacheRoot: string) => join(cacheRoot, '.trash');
let moved = 0;

/** Move `path` (inside `cacheRoot`) out of the cache at once and delete it in the background. */
export function discard(cacheRoot: string, path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(trashOf(cacheRoot), { recursive: true });
  const to = join(trashOf(cacheRoot), `${process.pid}-${Date.now()}-${moved++}`);
  renameSync(path, to);
  removeLater(to);
}

/** Discard every entry of the folder `dir` but those named in `keep` (the one way the cache prunes a folder of entries). */
export function discardOthers(cacheRoot: string, dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.has(name)) discard(cacheRoot, join(dir, name));
}

/** What the background deleting processes have not deleted yet: entries of the cache's .trash/. */
export function trashLeft(cacheRoot: string): string[] {
  const trash = trashOf(cacheRoot);
  return existsSync(trash) ? readdirSync(trash).map((name) => join(trash, name)) : [];
}

/** At a build's start: what an earlier build's deleting process left (killed, or the machine restarted) is deleted in the background too. */
export function emptyTrash(cacheRoot: string): void {
  const trash = trashOf(cacheRoot);
  if (!existsSync(trash)) return;
  for (const name of readdirSync(trash)) removeLater(join(trash, name));
}
