// Writes the search index files under <outDir>/search-index/<hash>/ in one pass of plain writes. As
// ~12,000 endpoint routes at 100× the dataset they cost ~1 ms each in Astro's per-route pipeline
// (request, Response, async mkdir + write, log line). The build worker calls this; the dev server
// serves the same files from src/pages/search-index/[hash]/[...file].ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IndexFiles } from './build-index';
import { indexDir } from './index-format';

export function writeIndex(outDir: string, index: { hash: string; files: IndexFiles }): void {
  const root = join(outDir, indexDir(index.hash));
  const made = new Set<string>();
  for (const [file, body] of index.files) {
    const path = join(root, file);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(path, body);
  }
}
