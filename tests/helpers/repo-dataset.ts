// Build the dataset straight from the repository's content/ (the same call `npm run ingest` makes), so
// tests need no generated files and always see the current parser.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDataset, type BuildResult } from '../../src/lib/ingest/build-dataset';
import { loadInputs } from '../../src/lib/ingest/load-inputs';
import { ProblemError } from '../../src/lib/problems';

export const ROOT = resolve(import.meta.dirname, '../..');

let cached: BuildResult | undefined;

export function repoDataset(): BuildResult {
  if (cached) return cached;
  const { inputs, problems } = loadInputs(ROOT);
  if (!inputs) throw new ProblemError(problems);
  cached = buildDataset({ ...inputs, readFile: (rel) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined) });
  return cached;
}

/** The dataset alone; throws listing every problem if the repository's content/ does not ingest cleanly. */
export function realDataset(): BuildResult['dataset'] {
  const r = repoDataset();
  if (r.problems.length) throw new ProblemError(r.problems);
  // A copy: callers may change it, and repoDataset() is shared.
  return structuredClone(r.dataset);
}

export function readRepoFile(rel: string): Buffer {
  return readFileSync(join(ROOT, rel));
}
