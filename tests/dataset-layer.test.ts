// The one dataset layer (src/lib/dataset/): the collection map, the validated Node reader, slices, the
// content-layer loader and the report order, against the real seeds' dataset written out as the ingest
// writes generated/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, type Dataset } from '~/lib/dataset/collections';
import { collectionLoader } from '~/lib/dataset/content-loader';
import { cmp, reportOrder, sortDataset } from '~/lib/dataset/order';
import { DatasetError, readCollections, readDataset } from '~/lib/dataset/read';
import { indexDataset } from '~/lib/dataset/site-index';
import type { Slice } from '~/lib/dataset/slice';
import { sliceDataset } from '~/lib/dataset/slice-rows';
import type { Report } from '~/lib/schema';
import { repoDataset } from './helpers/repo-dataset';

const ALL: Slice = { kind: 'all' };
const LINZI: Slice = { kind: 'districts', districts: ['linzi'] };
const data = repoDataset().dataset;
const tmp = mkdtempSync(join(tmpdir(), 'dataset-layer-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A generated/-style folder holding `d`: one JSON array per collection. */
function writeDir(name: string, d: Dataset): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const k of COLLECTION_NAMES) writeFileSync(join(dir, `${k}.json`), JSON.stringify(d[k]));
  return dir;
}
const dir = writeDir('seeds', data);

describe('the collection map', () => {
  it('names every collection of the Dataset type, each with the schema that accepts the seeds', () => {
    expect(COLLECTION_NAMES.toSorted()).toEqual(Object.keys(data).toSorted());
    for (const k of COLLECTION_NAMES) expect(COLLECTIONS[k].array().safeParse(data[k]).success, k).toBe(true);
  });
});

describe('readDataset (Node)', () => {
  it('reads every collection, validated, in file order', () => {
    const d = readDataset(dir, ALL);
    for (const k of COLLECTION_NAMES) expect(d[k].map((x) => x.id), k).toEqual(data[k].map((x) => x.id));
  });

  it('reports every problem of every file with where it is and what to do, not only the first', () => {
    const bad = writeDir('bad', data);
    const tasks = JSON.parse(readFileSync(join(bad, 'tasks.json'), 'utf8'));
    tasks[0].year = '2020';
    tasks[2].number = 'x';
    writeFileSync(join(bad, 'tasks.json'), JSON.stringify(tasks));
    const units = JSON.parse(readFileSync(join(bad, 'units.json'), 'utf8'));
    delete units[1].district;
    writeFileSync(join(bad, 'units.json'), JSON.stringify(units));
    writeFileSync(join(bad, 'anomalies.json'), '[{');
    unlinkSync(join(bad, 'leaders.json'));
    let err: unknown;
    try {
      readDataset(bad, ALL);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatasetError);
    const problems = (err as DatasetError).problems.map((p) => [p.file.slice(bad.length + 1), p.message.split(':')[0]]);
    expect(problems).toEqual([
      ['tasks.json', '[0].year'],
      ['tasks.json', '[2].number'],
      ['units.json', '[1].district'],
      ['leaders.json', '文件不存在'],
      ['anomalies.json', expect.stringMatching(/^不是有效的 JSON/)],
    ]);
    for (const p of (err as DatasetError).problems) expect(p.hint).toMatch(/npm run ingest/);
    // The message lists them all, one a line, each starting with its file.
    expect((err as DatasetError).message.split('\n')).toHaveLength(5);
  });

  it('reads only the collections asked for', () => {
    const d = readCollections(['districts', 'tasks'], dir, ALL);
    expect(Object.keys(d)).toEqual(['districts', 'tasks']);
  });
});

describe('slices', () => {
  const linzi = readDataset(dir, LINZI);

  it('a districts slice keeps exactly the rows of its districts, anomalies by their report', () => {
    const reportDistrict = new Map(data.reports.map((r) => [r.id, r.district]));
    const of = (k: CollectionName, row: Dataset[CollectionName][number]) =>
      k === 'districts' ? row.id : k === 'anomalies' ? reportDistrict.get((row as Dataset['anomalies'][number]).reportId) : (row as { district: string }).district;
    for (const k of COLLECTION_NAMES) {
      const expected = (data[k] as Dataset[CollectionName][number][]).filter((r) => of(k, r) === 'linzi').map((r) => r.id);
      expect(linzi[k].map((r) => r.id), k).toEqual(expected);
    }
    // The seeds have rows of both districts in every collection that can be sliced, so the test can fail.
    expect(linzi.tasks.length).toBeGreaterThan(0);
    expect(linzi.tasks.length).toBeLessThan(data.tasks.length);
    expect(linzi.anomalies.length).toBeGreaterThan(0);
  });

  it('the Node reader and the in-memory slice agree', () => {
    expect(sliceDataset(LINZI, data)).toEqual(linzi);
  });

  it('the global slice loads only districts, reports and indicators, whole', () => {
    const global = readDataset(dir, { kind: 'global' });
    const all = readDataset(dir, ALL);
    expect([global.districts, global.reports, global.indicators]).toEqual([all.districts, all.reports, all.indicators]);
    expect(all.tasks.length).toBeGreaterThan(0);
    expect([global.tasks, global.progress, global.units, global.leaders, global.anomalies].map((x) => x.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the content-layer loader stores only the slice’s rows', async () => {
    const stored = async (name: CollectionName, slice: Slice, from = dir) => {
      const prev = process.env.PORTAL_DATA_DIR;
      process.env.PORTAL_DATA_DIR = from;
      try {
        const ids: string[] = [];
        await collectionLoader(name, slice).load({
          config: { root: pathToFileURL(`${dir}/`) },
          collection: name,
          logger: { debug() {}, warn() {}, error(m: string) { throw new Error(m); }, info() {} },
          parseData: async ({ data: d }: { data: unknown }) => d,
          store: { clear() {}, set: (e: { id: string }) => ids.push(e.id) },
        } as never);
        return ids;
      } finally {
        if (prev === undefined) delete process.env.PORTAL_DATA_DIR;
        else process.env.PORTAL_DATA_DIR = prev;
      }
    };
    expect(await stored('tasks', LINZI)).toEqual(linzi.tasks.map((t) => t.id));
    expect(await stored('anomalies', LINZI)).toEqual(linzi.anomalies.map((a) => a.id));
    expect(await stored('districts', LINZI)).toEqual(['linzi']);
    expect(await stored('tasks', ALL)).toEqual(data.tasks.map((t) => t.id));
    // The global slice keeps no task: the loader stores none and reads no file (none is there to read).
    expect(await stored('tasks', { kind: 'global' }, join(dir, 'missing'))).toEqual([]);
    expect(await stored('reports', { kind: 'global' })).toEqual(data.reports.map((r) => r.id));
  });
});

describe('the report order', () => {
  const r = (district: string, year: number, periodEndMonth: number, slug: string) => ({ district, year, periodEndMonth, slug }) as Report;

  it('is district, year, last month covered, slug, by code point (not by locale)', () => {
    const sorted = [r('zibo', 2021, 6, 'q2'), r('Zhangdian', 2020, 0, 'work-report'), r('linzi', 2020, 9, 'm09'), r('linzi', 2020, 0, 'work-report'), r('linzi', 2019, 12, 'q4')].sort(reportOrder);
    // Upper case sorts before lower case by code point (localeCompare('en') would put Zhangdian last).
    expect(sorted.map((x) => `${x.district} ${x.year} ${x.slug}`)).toEqual(['Zhangdian 2020 work-report', 'linzi 2019 q4', 'linzi 2020 work-report', 'linzi 2020 m09', 'zibo 2021 q2']);
    expect(cmp('Z', 'a')).toBe(-1);
  });

  it('the pages and the published files put the seeds’ reports and tasks in the same order', () => {
    const ix = indexDataset(data);
    const sorted = sortDataset(data);
    expect(ix.reports.map((x) => x.id)).toEqual(sorted.reports.map((x) => x.id));
    expect(ix.tasks.map((x) => x.id)).toEqual(sorted.tasks.map((x) => x.id));
  });
});
