// The shard runner hands its district keys (district-keys.ts) to the global shard's build worker, which
// keys the downloads' cache with them (download-cache.ts) instead of serialising every row of every
// district to key it (~2 s of the worker, the incremental build's critical path, at 100× the seeds).
// The global shard starts before the runner has worked the keys out, so the runner names the file in the
// shard's environment and writes it when it can; the worker waits for it (it needs the keys seconds later).
// The file is renamed into place whole. When the runner fails before it has keys it writes "none", so the
// worker never waits for a file that will not come; after a long wait it goes on without (never stuck).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the global shard's worker finds the runner's district keys (set by sharded-build.ts). */
export const DISTRICT_KEYS_ENV = 'PORTAL_DISTRICT_KEYS';

interface KeysFile { keys: Record<string, string> | null }

/** Write the keys (or, with null, that there will be none) for the worker at `path`. */
export function writeDistrictKeysFile(path: string, keys: ReadonlyMap<string, string> | null): void {
  const partial = `${path}.partial-${process.pid}`;
  writeFileSync(partial, JSON.stringify({ keys: keys ? Object.fromEntries(keys) : null } satisfies KeysFile));
  renameSync(partial, path);
}

/** The keys at `path` once the runner has written them; undefined if it wrote none or none came within `waitMs`. */
export async function readDistrictKeysFile(path: string, waitMs = 120_000, everyMs = 20): Promise<Map<string, string> | undefined> {
  const until = Date.now() + waitMs;
  while (!existsSync(path)) {
    if (Date.now() >= until) return undefined;
    await sleep(everyMs);
  }
  const { keys } = JSON.parse(readFileSync(path, 'utf8')) as KeysFile;
  return keys ? new Map(Object.entries(keys)) : undefined;
}
