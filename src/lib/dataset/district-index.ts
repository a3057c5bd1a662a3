// Where each district's rows lie in the dataset's table files, written beside them by the one writer of
// table files (writeTables: the ingest and the benches). Per table: its SHA-256 and size, and runs of
// consecutive rows of one district with their byte ranges. The shard runner reads a district's rows as bytes
// through it (src/lib/shards/dataset-rows.ts), for its cache key and its slice, instead of parsing every
// table and serialising every row again: at 100× the seeds that was ~4.5 s of CPU and a 600 MB heap in every
// build. A table whose bytes are not the ones the index names (edited by hand, written by another tool) makes
// the whole index unusable, and the runner parses the tables as before.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { COLLECTION_NAMES, districtOf, reportDistricts, type CollectionName, type Dataset } from './collections';

export const DISTRICT_INDEX_FILE = 'district-index.json';

/** One run: consecutive rows of one district (null: rows no district owns), bytes [start, end) of the file, row count. */
const runSchema = z.tuple([z.string().nullable(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().positive()]);
const tableSchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative(), runs: z.array(runSchema) });
export const districtIndexSchema = z.object({ version: z.literal(1), tables: z.record(z.string(), tableSchema) });
export type DistrictIndex = z.infer<typeof districtIndexSchema>;
export type TableIndex = z.infer<typeof tableSchema>;

/**
 * A table's file bytes (JSON.stringify of its rows and a newline) and its runs. The rows are serialised one
 * by one and joined as JSON.stringify joins an array, so each row's bytes are known.
 */
export function tableFile(name: CollectionName, rows: readonly unknown[], byReport: ReadonlyMap<string, string>): { bytes: Buffer; index: TableIndex } {
  const pieces = rows.map((r) => JSON.stringify(r));
  const bytes = Buffer.from(`[${pieces.join(',')}]\n`);
  const runs: TableIndex['runs'] = [];
  let at = 1; // after "["
  for (const [i, piece] of pieces.entries()) {
    const d = districtOf(name, rows[i], byReport) ?? null;
    const end = at + Buffer.byteLength(piece);
    const last = runs.at(-1);
    if (last && last[0] === d) {
      last[2] = end;
      last[3]++;
    } else runs.push([d, at, end, 1]);
    at = end + 1; // the comma
  }
  return { bytes, index: { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, runs } };
}

/** Write every collection as <dir>/<name>.json and the index of their districts' rows beside them. */
export function writeTables(dir: string, dataset: Dataset): string[] {
  const byReport = reportDistricts(dataset.reports);
  const index: DistrictIndex = { version: 1, tables: {} };
  const written: string[] = [];
  for (const name of COLLECTION_NAMES) {
    const { bytes, index: table } = tableFile(name, dataset[name], byReport);
    writeFileSync(join(dir, `${name}.json`), bytes);
    index.tables[name] = table;
    written.push(`${name}.json`);
  }
  writeFileSync(join(dir, DISTRICT_INDEX_FILE), `${JSON.stringify(index)}\n`);
  return [...written, DISTRICT_INDEX_FILE];
}
