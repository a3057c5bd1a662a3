// A district shard's own data folder: generated/*.json with only its districts' rows, cut by the dataset
// layer's one slice filter (src/lib/dataset/slice-rows.ts), and the source renderings of its reports. Its
// Astro build points PORTAL_DATA_DIR here, so the content layer loads only the slice, and the folder's hash
// is the data part of the shard's cache key.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportDistricts, type CollectionName } from '~/lib/dataset/collections';
import { sliceRows } from '~/lib/dataset/slice-rows';
import { readText } from '~/lib/read-text';

type Row = { id: string; district?: string; reportId?: string; source?: { file?: string } };

/** The dataset as raw rows (no schema: the shard's own build validates its slice), read once for every shard. */
export interface RawDataset {
  dir: string;
  tables: Map<string, Row[]>;
  /** Report id → district, for rows that carry only a report id (anomalies, renderings). */
  reportDistrict: Map<string, string>;
}

export function readRaw(dir: string): RawDataset {
  const tables = new Map<string, Row[]>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'meta.json').sort()) {
    tables.set(f.slice(0, -'.json'.length), JSON.parse(readText(join(dir, f))) as Row[]);
  }
  return { dir, tables, reportDistrict: reportDistricts(tables.get('reports') ?? []) };
}

export const districtIdsOf = (raw: RawDataset): string[] => (raw.tables.get('districts') ?? []).map((d) => d.id);

/** Write the slice of `districts` into `out` (emptied first). */
export function writeSliceData(raw: RawDataset, districts: readonly string[], out: string): void {
  const keep = new Set(districts);
  const slice = { kind: 'districts', districts } as const;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'renderings'), { recursive: true });
  for (const [name, rows] of raw.tables) {
    const sliced = sliceRows(slice, name as CollectionName, rows, raw.reportDistrict);
    writeFileSync(join(out, `${name}.json`), JSON.stringify(sliced));
  }
  const renderings = join(raw.dir, 'renderings');
  if (!existsSync(renderings)) return;
  for (const f of readdirSync(renderings)) {
    if (keep.has(raw.reportDistrict.get(f.replace(/\.json$/, '')) ?? '')) copyFileSync(join(renderings, f), join(out, 'renderings', f));
  }
}

/** The source files (repository-relative) cited by these report rows, of these districts or of every district. */
const filesCitedBy = (reports: readonly Row[], districts?: readonly string[]): string[] => {
  const keep = districts && new Set(districts);
  return reports.filter((r) => !keep || keep.has(r.district ?? '')).flatMap((r) => (r.source?.file ? [r.source.file] : []));
};

/** The source files cited by the reports of these districts, or of every district. */
export const sourceFilesOf = (raw: RawDataset, districts?: readonly string[]): string[] => filesCitedBy(raw.tables.get('reports') ?? [], districts);

/** The source files every report in `dir` cites, from reports.json alone (the global shard's key, before the rest is read). */
export const citedFiles = (dir: string): string[] => filesCitedBy(JSON.parse(readText(join(dir, 'reports.json'))) as Row[]);
