// The shard runner reads the dataset's rows through the district index the writer leaves beside the tables
// (src/lib/dataset/district-index.ts, src/lib/shards/dataset-rows.ts) when it matches the files, and parses
// every table otherwise: the keys and the slices must be the same bytes either way, and an index that does
// not describe the files must never be used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type Dataset } from '~/lib/dataset/collections';
import { DISTRICT_INDEX_FILE, tableFile, writeTables } from '~/lib/dataset/district-index';
import { readDataset } from '~/lib/dataset/read';
import { indexedRows, openRows, parsedRows, type DatasetRows } from '~/lib/shards/dataset-rows';
import { districtKeys } from '~/lib/shards/district-keys';
import { reportDistricts } from '~/lib/dataset/collections';
import { repoDataset } from './helpers/repo-dataset';

const work = mkdtempSync(join(tmpdir(), 'dataset-rows-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const seeds = repoDataset().dataset;
const keyOpts = { code: 'code', contentRoot: work, env: {} };
let n = 0;
function written(ds: Dataset): string {
  const dir = join(work, `d${n++}`);
  mkdirSync(dir);
  writeTables(dir, ds);
  return dir;
}
const text = (x: string | Buffer) => Buffer.from(x).toString('utf8');
/** Every way of cutting: each district alone, all of them, none. */
const cuts = (ids: readonly string[]) => [...ids.map((d) => new Set([d])), new Set(ids), new Set<string>()];
function expectSameRows(a: DatasetRows, b: DatasetRows) {
  expect(a.tables).toEqual(b.tables);
  expect(a.districtIds).toEqual(b.districtIds);
  expect([...districtKeys(a, keyOpts)]).toEqual([...districtKeys(b, keyOpts)]);
  for (const cut of cuts(a.districtIds)) for (const t of a.tables) expect(text(a.sliceText(t, cut)), `${t} ${[...cut]}`).toBe(text(b.sliceText(t, cut)));
}

describe('the district index', () => {
  it('is written beside the tables, which keep their bytes: JSON.stringify of the rows and a newline', () => {
    const dir = written(seeds);
    for (const name of COLLECTION_NAMES) expect(readFileSync(join(dir, `${name}.json`), 'utf8'), name).toBe(`${JSON.stringify(seeds[name])}\n`);
    // The dataset reads back whole beside the index (which is not a collection).
    const back = readDataset(dir, { kind: 'all' });
    for (const name of COLLECTION_NAMES) expect(back[name], name).toHaveLength(seeds[name].length);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, DISTRICT_INDEX_FILE), 'utf8')).tables).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('cuts each row exactly: every run is whole rows of one district', () => {
    const { bytes, index } = tableFile('tasks', seeds.tasks, reportDistricts(seeds.reports));
    const rows = index.runs.flatMap(([d, start, end]) => JSON.parse(`[${bytes.subarray(start, end).toString('utf8')}]`).map((r: { district: string }) => [d, r.district]));
    expect(rows).toHaveLength(seeds.tasks.length);
    for (const [d, district] of rows) expect(district).toBe(d);
  });
});

describe('the runner reads the same rows through the index as by parsing every table', () => {
  it('the seeds: same keys, same weights, same slices', () => {
    const dir = written(seeds);
    const ix = indexedRows(dir)!;
    expect(ix.reader).toBe('index');
    expect([...ix.districtIds].sort()).toEqual(['linzi', 'zhangdian']);
    expectSameRows(ix, parsedRows(dir));
  });

  it('rows of two districts interleaved (many runs per district)', () => {
    // Alternate the districts' rows in every table: the index holds a run per row.
    const interleave = <T extends object>(rows: T[], of: (r: T) => string | undefined) => {
      const a = rows.filter((r) => of(r) === 'linzi');
      const b = rows.filter((r) => of(r) !== 'linzi');
      return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i], b[i]]).flat().filter((r): r is T => r !== undefined);
    };
    const byReport = reportDistricts(seeds.reports);
    const ds = {
      ...seeds,
      tasks: interleave(seeds.tasks, (r) => r.district),
      progress: interleave(seeds.progress, (r) => r.district),
      anomalies: interleave(seeds.anomalies, (r) => byReport.get(r.reportId ?? '')),
    } as Dataset;
    const dir = written(ds);
    const index = JSON.parse(readFileSync(join(dir, DISTRICT_INDEX_FILE), 'utf8'));
    expect(index.tables.tasks.runs.length).toBeGreaterThan(10);
    expectSameRows(indexedRows(dir)!, parsedRows(dir));
  });
});

describe('an index that does not describe the files is not used', () => {
  it('a table edited after the index was written: the rows are parsed, and the key follows the edit', () => {
    const dir = written(seeds);
    const before = districtKeys(openRows(dir), keyOpts);
    const tasks = JSON.parse(readFileSync(join(dir, 'tasks.json'), 'utf8'));
    tasks[0].title = `${tasks[0].title}（改）`;
    writeFileSync(join(dir, 'tasks.json'), `${JSON.stringify(tasks)}\n`);
    expect(indexedRows(dir)).toBeUndefined();
    const rows = openRows(dir);
    expect(rows.reader).toBe('parsed');
    const after = districtKeys(rows, keyOpts);
    const edited = tasks[0].district as string;
    for (const d of rows.districtIds) expect(after.get(d)!.key === before.get(d)!.key, d).toBe(d !== edited);
  });

  it('no index, a broken index, or a table the index does not name: parsed', () => {
    const none = written(seeds);
    rmSync(join(none, DISTRICT_INDEX_FILE));
    expect(openRows(none).reader).toBe('parsed');
    const broken = written(seeds);
    writeFileSync(join(broken, DISTRICT_INDEX_FILE), '{"version":1,"tables":');
    expect(openRows(broken).reader).toBe('parsed');
    const extra = written(seeds);
    writeFileSync(join(extra, 'notes.json'), '[]\n');
    expect(openRows(extra).reader).toBe('parsed');
    // The parsed reader covers the extra table too, so its keys differ from the index's by it alone.
    expect(openRows(extra).tables).toContain('notes');
  });
});
