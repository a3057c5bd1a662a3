// Writes the search index files (dist/search-index/<hash>/…) at the end of `astro build`, in one
// pass with plain synchronous writes. As ~12,000 endpoint routes at 100× the dataset they cost
// ~1 ms each in Astro's per-route pipeline (request, Response, async mkdir + write, log line):
// 12 s; written here the same files take well under a second. The dev server still serves them
// from src/pages/search-index/[hash]/[...file].ts, which also writes them when this is not used.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterBuildWriter } from '../build-handoff';
import { handoff } from './index-handoff';
import type { SiteIndex } from './site-index';
import { indexDir } from './index-format';

export default function searchIndexWriter(): AstroIntegration {
  return afterBuildWriter({
    name: 'pledge-portal:search-index',
    slot: handoff,
    missing: 'search index: the build never computed it (siteIndex() in src/lib/search/site-index.ts); the search page would have no index.',
    write: (outDir, index) => {
      writeIndex(outDir, index);
      return `${index.files.size} files in ${indexDir(index.hash)}, built in ${index.buildMs ?? '?'} ms,`;
    },
  });
}

/** Write every index file under <outDir>/search-index/<hash>/ (plain writes: nothing else touches them). */
export function writeIndex(outDir: string, index: SiteIndex): void {
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
