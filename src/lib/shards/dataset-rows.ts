// The dataset as the shard runner needs it: the district ids, the report rows (cited sources, renderings),
// and each table's rows of some districts as the bytes JSON.stringify gives their array. Two readers meet
// this one shape: indexedRows cuts the bytes out of the table files by the district index the writer left
// beside them (src/lib/dataset/district-index.ts) and parses only districts.json and reports.json;
// parsedRows parses every table (a folder without a valid index). Keys and slices are the same bytes either
// way (tests/dataset-rows.test.ts), so a cache filled by one is used by the other.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { districtOf, reportDistricts, type CollectionName } from '~/lib/dataset/collections';
import { DISTRICT_INDEX_FILE, districtIndexSchema, type DistrictIndex } from '~/lib/dataset/district-index';
import { sliceRows } from '~/lib/dataset/slice-rows';
import { readText } from '~/lib/read-text';
import { readHashed } from './cache-key';

export type Row = { id: string; district?: string; reportId?: string; source?: { file?: string } };

/** One table's rows of one district: the JSON text of their array, in pieces (not copied together), and how many. */
export interface TableRows { name: string; text: readonly (string | Buffer)[]; rows: number }

export interface DatasetRows {
  dir: string;
  /** How the rows were read, for the build log. */
  reader: 'index' | 'parsed';
  /** Every table file's name (<name>.json but meta.json and the index), sorted: what a district's key covers. */
  tables: readonly string[];
  districtIds: readonly string[];
  reports: readonly Row[];
  /** Report id → district, for rows that carry only a report id (anomalies, renderings). */
  reportDistrict: ReadonlyMap<string, string>;
  /** Each listed district's rows, table by table in `tables` order (one district's texts at a time). */
  eachDistrict(visit: (district: string, tables: TableRows[]) => void): void;
  /** The rows of `districts` in table `name`, in file order: the bytes of JSON.stringify(sliceRows(…)). */
  sliceText(name: string, districts: ReadonlySet<string>): string | Buffer;
}

/** The table files of `dir`: every <name>.json but meta.json and the district index. */
export const tableNames = (dir: string): string[] =>
  readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'meta.json' && n !== DISTRICT_INDEX_FILE).map((n) => n.slice(0, -'.json'.length)).sort();

/** The runner's reader for `dir`: through the district index when it describes every table's bytes, else parsed. */
export const openRows = (dir: string): DatasetRows => indexedRows(dir) ?? parsedRows(dir);

/** Every table parsed (no schema: each shard's own build validates its slice). */
export function parsedRows(dir: string): DatasetRows {
  const tables = new Map<string, Row[]>();
  for (const name of tableNames(dir)) tables.set(name, JSON.parse(readText(join(dir, `${name}.json`))) as Row[]);
  const reports = tables.get('reports') ?? [];
  const reportDistrict = reportDistricts(reports);
  const districtIds = (tables.get('districts') ?? []).map((d) => d.id);
  return {
    dir, reader: 'parsed', tables: [...tables.keys()], districtIds, reports, reportDistrict,
    eachDistrict(visit) {
      const rows = new Map(districtIds.map((d) => [d, new Map<string, Row[]>()]));
      for (const [name, table] of tables) {
        for (const row of table) {
          const mine = rows.get(districtOf(name as CollectionName, row, reportDistrict) ?? '');
          if (!mine) continue;
          const list = mine.get(name);
          if (list) list.push(row);
          else mine.set(name, [row]);
        }
      }
      for (const d of districtIds) {
        const mine = rows.get(d)!;
        visit(d, [...tables.keys()].map((name) => ({ name, text: [JSON.stringify(mine.get(name) ?? [])], rows: mine.get(name)?.length ?? 0 })));
        rows.delete(d);
      }
    },
    sliceText: (name, districts) => JSON.stringify(sliceRows({ kind: 'districts', districts: [...districts] }, name as CollectionName, tables.get(name) ?? [], reportDistrict)),
  };
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The rows cut from the table files by the district index; undefined when there is none or it does not match the files. */
export function indexedRows(dir: string): DatasetRows | undefined {
  const index = readIndex(dir);
  const names = tableNames(dir);
  if (!index || names.length !== Object.keys(index.tables).length || names.some((n) => !index.tables[n])) return undefined;
  const bytes = new Map<string, Buffer>();
  for (const name of names) {
    const file = readHashed(join(dir, `${name}.json`));
    const t = index.tables[name]!;
    if (file.sha256 !== t.sha256 || file.bytes.length !== t.bytes) return undefined;
    bytes.set(name, file.bytes);
  }
  const parse = (name: string) => (bytes.has(name) ? (JSON.parse(bytes.get(name)!.toString('utf8')) as Row[]) : []);
  const reports = parse('reports');
  const districtIds = parse('districts').map((d) => d.id);
  type Run = DistrictIndex['tables'][string]['runs'][number];
  // Each district's runs, per table, in file order.
  const runsOf = new Map<string, Map<string, Run[]>>();
  for (const name of names) {
    const byDistrict = new Map<string, Run[]>();
    for (const run of index.tables[name]!.runs) {
      if (run[0] === null) continue;
      const list = byDistrict.get(run[0]);
      if (list) list.push(run);
      else byDistrict.set(run[0], [run]);
    }
    runsOf.set(name, byDistrict);
  }
  /** The array of these runs' rows in pieces: "[" run "," run … "]", as JSON.stringify joins the rows. */
  const arrayOf = (name: string, runs: readonly Run[]): Buffer[] => {
    const b = bytes.get(name)!;
    const parts: Buffer[] = [OPEN];
    for (const [i, [, start, end]] of runs.entries()) {
      if (i > 0) parts.push(COMMA);
      parts.push(b.subarray(start, end));
    }
    parts.push(CLOSE);
    return parts;
  };
  return {
    dir, reader: 'index', tables: names, districtIds, reports, reportDistrict: reportDistricts(reports),
    eachDistrict(visit) {
      for (const d of districtIds) {
        visit(d, names.map((name) => {
          const runs = runsOf.get(name)!.get(d) ?? [];
          return { name, text: arrayOf(name, runs), rows: runs.reduce((n, r) => n + r[3], 0) };
        }));
      }
    },
    sliceText(name, districts) {
      // The runs of these districts in file order, as the rows stand in the file.
      return Buffer.concat(arrayOf(name, index.tables[name]!.runs.filter((r) => r[0] !== null && districts.has(r[0]))));
    },
  };
}

function readIndex(dir: string): DistrictIndex | undefined {
  const file = join(dir, DISTRICT_INDEX_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = districtIndexSchema.safeParse(JSON.parse(readText(file)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
