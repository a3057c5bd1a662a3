// Where the dataset is read from: generated/ (written by `npm run ingest`), or PORTAL_DATA_DIR, which
// bench:build points at a synthetic dataset. Relative to the project root (or absolute). The content
// collections and the build worker read the same folder.
import { lstatSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export const dataDir = (): string => process.env.PORTAL_DATA_DIR ?? 'generated';

/**
 * generated/ is a link that each ingest switches to a new generation (src/lib/ingest/write-dataset.ts).
 * A build resolves it once, so the pages and the build worker read the same generation even if an
 * ingest finishes mid-build.
 */
export function pinDataDir(root: string): void {
  const dir = resolve(root, dataDir());
  try {
    if (lstatSync(dir).isSymbolicLink()) process.env.PORTAL_DATA_DIR = realpathSync(dir);
  } catch {
    // Missing: the content collections report it with the file name.
  }
}
