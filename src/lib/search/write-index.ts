// Writes the search index files under <outDir>/search-index/<hash>/ in one pass of plain writes. As
// ~12,000 endpoint routes at 100× the dataset they cost ~1 ms each in Astro's per-route pipeline
// (request, Response, async mkdir + write, log line). The build worker calls this; the dev server
// serves the same files from src/pages/search-index/[hash]/[...file].ts. With a store (the sharded
// build's global shard), each file is linked from it, and written there only when its bytes are new
// (file-store.ts): after one bulletin most document chunks are the same.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileStore } from '../build-worker/file-store';
import type { IndexFiles } from './build-index';
import { indexDir } from './index-format';
import { indexHasher } from './index-hash';

export function writeIndex(outDir: string, index: { hash: string; files: IndexFiles }): void {
  writeFiles(join(outDir, indexDir(index.hash)), index.files);
}

/**
 * Writes index files as they are made, hashing them on the way, under a temporary folder renamed to
 * search-index/<hash>/ once the last is written: the hash names the folder but is known only at the
 * end, and holding every file until then is ~100 MB of strings at 100× the seeds. A failure leaves no
 * folder behind. Returns what writeIndex would have been given: the hash and the number of files.
 */
export function writeIndexFiles(outDir: string, files: Iterable<[string, string]>, store?: FileStore): { hash: string; files: number } {
  const partial = join(outDir, indexDir(`.partial-${process.pid}-${Date.now()}`));
  const hasher = indexHasher();
  let count = 0;
  try {
    writeFiles(partial, (function* () {
      for (const [file, body] of files) {
        hasher.add(file, body);
        count++;
        yield [file, body] as [string, string];
      }
    })(), store);
    const hash = hasher.digest();
    const final = join(outDir, indexDir(hash));
    rmSync(final, { recursive: true, force: true });
    renameSync(partial, final);
    return { hash, files: count };
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
}

function writeFiles(root: string, files: Iterable<[string, string]>, store?: FileStore): void {
  const made = new Set<string>();
  for (const [file, body] of files) {
    const path = join(root, file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (store) {
      const bytes = Buffer.from(body, 'utf8');
      store.place(path, [bytes], createHash('sha256').update(bytes).digest('hex'));
    } else writeFileSync(path, body);
  }
}
