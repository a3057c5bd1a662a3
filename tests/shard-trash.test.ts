// Stale cache entries leave the cache at once (a rename) and are deleted by a detached process
// (src/lib/shards/trash.ts), so pruning ~42,000 files at 100× the seeds costs the build nothing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discard, discardOthers, emptyTrash, trashLeft } from '~/lib/shards/trash';
import { replacedSitesLeft } from '~/lib/build-worker/staged-site';

const work = mkdtempSync(join(tmpdir(), 'shard-trash-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A folder of `n` files in two levels. */
function tree(dir: string, n: number): string {
  mkdirSync(join(dir, 'sub'), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, i % 2 ? 'sub' : '', `f${i}.html`), `<p>${i}</p>`);
  return dir;
}
async function gone(path: string, ms = 20_000): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 50))) if (!existsSync(path)) return true;
  return false;
}

describe('the shard cache trash', () => {
  it('discard takes an entry out of the cache at once and deletes it in the background', async () => {
    const cache = join(work, 'a');
    const entry = tree(join(cache, 'batches', 'batch-1'), 200);
    discard(cache, entry);
    expect(existsSync(entry)).toBe(false);
    expect(readdirSync(join(cache, 'batches'))).toEqual([]);
    expect(await gone(join(cache, '.trash', readdirSync(join(cache, '.trash'))[0] ?? 'none'))).toBe(true);
    discard(cache, join(cache, 'no-such-entry')); // nothing to do
  });

  it('discardOthers keeps the named entries of a folder and discards the rest', async () => {
    const cache = join(work, 'c');
    for (const b of ['batch-1', 'batch-2', 'batch-3']) tree(join(cache, 'batches', b), 5);
    discardOthers(cache, join(cache, 'batches'), new Set(['batch-2']));
    expect(readdirSync(join(cache, 'batches'))).toEqual(['batch-2']);
    // Both went to the trash; a busy machine's background deleter may already have removed one of them (a CI run
    // saw one left), so what is asserted is that none is anywhere but the trash and the trash empties.
    const trashed = readdirSync(join(cache, '.trash'));
    expect(trashed.length).toBeLessThanOrEqual(2);
    expect(readdirSync(cache).sort()).toEqual(['.trash', 'batches']);
    for (const t of trashed) expect(await gone(join(cache, '.trash', t))).toBe(true);
    discardOthers(cache, join(cache, 'no-such-folder'), new Set()); // nothing to do
  });

  it('emptyTrash deletes what an earlier build left in the trash', async () => {
    const cache = join(work, 'b');
    const left = tree(join(cache, '.trash', '123-1-0'), 50);
    emptyTrash(cache);
    expect(await gone(left)).toBe(true);
    emptyTrash(join(work, 'no-cache')); // no trash: nothing to do
  });

  it('says what the background deletes have left: the trash, and replaced sites beside dist/ (what bench:build waits for)', async () => {
    const cache = join(work, 'd');
    const left = tree(join(cache, '.trash', '456-1-0'), 20);
    expect(trashLeft(cache)).toEqual([left]);
    emptyTrash(cache);
    expect(await gone(left)).toBe(true);
    expect(trashLeft(cache)).toEqual([]);
    expect(trashLeft(join(work, 'no-cache'))).toEqual([]);

    const site = join(work, 'site');
    for (const d of ['dist', '.dist-old-1-2-0-site', '.dist-build', '.other-old-1']) mkdirSync(join(site, d), { recursive: true });
    expect(replacedSitesLeft(join(site, 'dist'))).toEqual([join(site, '.dist-old-1-2-0-site')]);
    expect(replacedSitesLeft(join(work, 'nowhere', 'dist'))).toEqual([]);
  });
});
