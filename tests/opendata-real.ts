// The real dataset, built in-process from content/ by the ingest (no dependency on generated/).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import type { Dataset } from '~/lib/dataset/collections';

export const ROOT = resolve(import.meta.dirname, '..');

export function realDataset(): Dataset {
  const { inputs, errors } = loadInputs(ROOT);
  if (!inputs) throw new Error(errors.join('\n'));
  const r = buildDataset({ ...inputs, readFile: (rel) => (existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined) });
  if (r.errors.length) throw new Error(r.errors.join('\n'));
  return r.dataset;
}
