// A district shard's own data folder: generated/*.json with only its districts' rows (the dataset layer's
// slice filter, src/lib/dataset/slice-rows.ts, or the same rows cut by the district index: dataset-rows.ts),
// and the source renderings of its reports. Its
// Astro build points PORTAL_DATA_DIR here, so the content layer loads only the slice, and the folder's hash
// is the data part of the shard's cache key.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '~/lib/read-text';
import type { DatasetRows, Row } from './dataset-rows';

export const districtIdsOf = (data: DatasetRows): string[] => [...data.districtIds];

/** Write the slice of `districts` into `out` (emptied first). */
export function writeSliceData(data: DatasetRows, districts: readonly string[], out: string): void {
  const keep = new Set(districts);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'renderings'), { recursive: true });
  for (const name of data.tables) writeFileSync(join(out, `${name}.json`), data.sliceText(name, keep));
  const renderings = join(data.dir, 'renderings');
  if (!existsSync(renderings)) return;
  for (const f of readdirSync(renderings)) {
    if (keep.has(data.reportDistrict.get(f.replace(/\.json$/, '')) ?? '')) copyFileSync(join(renderings, f), join(out, 'renderings', f));
  }
}

/** The source files (repository-relative) cited by these report rows, of these districts or of every district. */
const filesCitedBy = (reports: readonly Row[], districts?: readonly string[]): string[] => {
  const keep = districts && new Set(districts);
  return reports.filter((r) => !keep || keep.has(r.district ?? '')).flatMap((r) => (r.source?.file ? [r.source.file] : []));
};

/** The source files cited by the reports of these districts, or of every district. */
export const sourceFilesOf = (data: DatasetRows, districts?: readonly string[]): string[] => filesCitedBy(data.reports, districts);

/** The source files every report in `dir` cites, from reports.json alone (the global shard's key, before the rest is read). */
export const citedFiles = (dir: string): string[] => filesCitedBy(JSON.parse(readText(join(dir, 'reports.json'))) as Row[]);
