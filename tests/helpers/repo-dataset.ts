// Build the dataset straight from the repository's content/ (the same call `npm run ingest` makes), so
// tests need no generated files and always see the current parser.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDataset, type BuildResult } from '../../src/lib/ingest/build-dataset';
import { loadInputs } from '../../src/lib/ingest/load-inputs';

export const ROOT = resolve(import.meta.dirname, '../..');

let cached: BuildResult | undefined;

export function repoDataset(): BuildResult {
  if (cached) return cached;
  const { inputs, errors } = loadInputs(ROOT);
  if (!inputs) throw new Error(errors.join('\n'));
  cached = buildDataset({ ...inputs, readFile: (rel) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined) });
  return cached;
}

/** The dataset alone; throws listing every problem if the repository's content/ does not ingest cleanly. */
export function realDataset(): BuildResult['dataset'] {
  const r = repoDataset();
  if (r.errors.length) throw new Error(r.errors.join('\n'));
  // A copy: callers may change it, and repoDataset() is shared.
  return structuredClone(r.dataset);
}

export function readRepoFile(rel: string): Buffer {
  return readFileSync(join(ROOT, rel));
}
