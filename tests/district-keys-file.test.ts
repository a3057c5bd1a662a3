// The shard runner hands its district keys to the global shard's worker in a file (district-keys-file.ts):
// the worker waits for it, takes "none" at once, and never waits forever.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDistrictKeysFile, writeDistrictKeysFile } from '~/lib/shards/district-keys-file';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('district-keys-file-');

describe('the district keys handed to the global shard', () => {
  it('are read once the runner writes them, however late', async () => {
    const dir = temp('t-');
    const file = join(dir, 'keys.json');
    const reading = readDistrictKeysFile(file, 10_000, 5);
    await new Promise((r) => setTimeout(r, 60));
    writeDistrictKeysFile(file, new Map([['linzi', 'k1'], ['zhangdian', 'k2']]));
    expect(await reading).toEqual(new Map([['linzi', 'k1'], ['zhangdian', 'k2']]));
    // Renamed into place whole: nothing else is left beside it.
    expect(readdirSync(dir)).toEqual(['keys.json']);
  });

  it('"none" (the runner failed before it had keys) is read as none at once', async () => {
    const file = join(temp('t-'), 'keys.json');
    writeDistrictKeysFile(file, null);
    expect(await readDistrictKeysFile(file, 10_000)).toBeUndefined();
  });

  it('a file that never comes is given up after the wait', async () => {
    const file = join(temp('t-'), 'keys.json');
    const t0 = performance.now();
    expect(await readDistrictKeysFile(file, 100, 5)).toBeUndefined();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(95);
    expect(existsSync(file)).toBe(false);
  });
});
