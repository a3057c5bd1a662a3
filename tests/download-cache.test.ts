// The download files are serialised per district (district-runs.ts), so the global shard keeps each
// district's pieces between builds (download-cache.ts) and serialises only the districts whose rows
// changed. Whatever comes from the cache, the files' bytes are those of a build without one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from '~/lib/build-worker/file-store';
import { COLLECTION_NAMES, emptyDataset } from '~/lib/dataset/collections';
import { sortDataset } from '~/lib/dataset/order';
import { DiskDownloadCache } from '~/lib/opendata/download-cache';
import { Downloads } from '~/lib/opendata/download-files';
import { districtRuns } from '~/lib/opendata/district-runs';
import { writeDownloads } from '~/lib/opendata/write-downloads';
import type { Dataset } from '~/lib/schema';
import { realDataset } from './helpers/repo-dataset';
import { listTree } from './helpers/file-tree';

const work = mkdtempSync(join(tmpdir(), 'download-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SITE = 'https://example.gov.cn/';
const data = realDataset();
/** linzi's tasks with one character more in every pledge: a new bulletin's worth of change in one district. */
const changed: Dataset = { ...data, tasks: data.tasks.map((t) => (t.district === 'linzi' ? { ...t, pledge: { ...t.pledge, text: `${t.pledge.text}。` } } : t)) };

const expectSameFiles = (dir: string, want: string) => expect(listTree(dir)).toEqual(listTree(want));
/** The downloads of `d` written without a store or cache: what every build must write. */
function plain(name: string, d: Dataset): string {
  const dir = join(work, name);
  writeDownloads(dir, new Downloads(d, SITE));
  return dir;
}

describe('districtRuns', () => {
  it('splits the seeds into their districts: every row once, each table in the whole-dataset order', () => {
    const d = sortDataset(data);
    const runs = districtRuns(d)!;
    expect([...runs.keys()]).toEqual(['linzi', 'zhangdian']);
    for (const name of COLLECTION_NAMES) {
      expect(d[name].length, name).toBeGreaterThan(0);
      const joined = [...runs.values()].flatMap((r) => r[name] as object[]);
      expect(joined.length, name).toBe(d[name].length);
      joined.forEach((row, i) => expect(row, `${name} ${i}`).toBe(d[name][i]));
    }
  });

  it('gives up when ids interleave the districts, or a report lists another district\'s task', () => {
    const two = (): Dataset => ({ ...emptyDataset(), districts: [{ id: 'a' }, { id: 'a-b' }] as never });
    expect(districtRuns(two())).toBeDefined();
    // "a-b-x" sorts before "a-x": district a-b's unit comes before district a's.
    expect(districtRuns({ ...two(), units: [{ id: 'a-b-x', district: 'a-b' }, { id: 'a-x', district: 'a' }] as never })).toBeUndefined();
    expect(districtRuns({ ...two(), units: [{ id: 'a-x', district: 'a' }, { id: 'a-y', district: 'a-b' }] as never })).toBeDefined();
    const crossing = { ...two(), reports: [{ id: 'a-2023-r', district: 'a', taskIds: ['a-b-2023-001'] }] as never, tasks: [{ id: 'a-b-2023-001', district: 'a-b' }] as never };
    expect(districtRuns(crossing)).toBeUndefined();
    // A row of no listed district.
    expect(districtRuns({ ...two(), tasks: [{ id: 'c-2023-001', district: 'c' }] as never })).toBeUndefined();
  });
});

describe('the downloads cache', () => {
  const store = join(work, 'store');
  const cacheDir = join(work, 'cache');
  const build = (name: string, d: Dataset, site = SITE) => {
    const dir = join(work, name);
    const r = writeDownloads(dir, new Downloads(d, site, undefined, new DiskDownloadCache(cacheDir)), new FileStore(store));
    return { dir, ...r };
  };
  const same = (a: string, b: string, f: string) => statSync(join(a, f)).ino === statSync(join(b, f)).ino;

  it('a second build takes every district from the cache and writes the same bytes, with the CSV records read from the cache', () => {
    const want = plain('plain', data);
    const first = build('first', data);
    expect(first).toMatchObject({ districts: 2, fromCache: 0 });
    expectSameFiles(first.dir, want);
    expect(readdirSync(cacheDir)).toHaveLength(2);

    const second = build('second', data);
    expect(second).toMatchObject({ districts: 2, fromCache: 2, bytes: first.bytes });
    expectSameFiles(second.dir, want);
    // A cached district's own files are linked from the store, never put together again.
    const zhangdian = Object.keys(listTree(join(second.dir, 'data/zhangdian')));
    expect(zhangdian.length).toBeGreaterThan(0);
    for (const f of zhangdian) expect(same(second.dir, first.dir, join('data/zhangdian', f)), f).toBe(true);

    // The whole-dataset CSV is made of the cached pieces, not of rows serialised again: a piece changed
    // behind the cache's back shows up in it (which is why a key covers every row of its district).
    const entry = readdirSync(cacheDir).find((k) => readFileSync(join(cacheDir, k, 'files.json'), 'utf8').includes('"linzi/'))!;
    const piece = join(cacheDir, entry, 'tasks.csv');
    const real = readFileSync(piece);
    writeFileSync(piece, 'marker,from,the,cache\r\n');
    try {
      const third = build('third', data);
      expect(readFileSync(join(third.dir, 'data/all/tasks.csv'), 'utf8')).toContain('marker,from,the,cache');
    } finally {
      writeFileSync(piece, real);
    }
  });

  it('after one district changes, it alone is serialised afresh; the files equal a build without the cache; its old entry is dropped', () => {
    const want = plain('plain-changed', changed);
    const before = new Set(readdirSync(cacheDir));
    const after = build('changed', changed);
    expect(after).toMatchObject({ districts: 2, fromCache: 1 });
    expectSameFiles(after.dir, want);
    const now = new Set(readdirSync(cacheDir));
    expect(now.size).toBe(2);
    expect([...now].filter((k) => !before.has(k))).toHaveLength(1);
    expect(same(after.dir, join(work, 'first'), 'data/zhangdian/dataset.json')).toBe(true);
    expect(same(after.dir, join(work, 'first'), 'data/linzi/dataset.json')).toBe(false);
  });

  it('another site root (its URLs are in the CSV) finds no entry', () => {
    expect(build('other-site', changed, 'https://other.example.gov.cn/')).toMatchObject({ districts: 2, fromCache: 0 });
    expectSameFiles(join(work, 'other-site'), (() => {
      const dir = join(work, 'plain-other-site');
      writeDownloads(dir, new Downloads(changed, 'https://other.example.gov.cn/'));
      return dir;
    })());
  });

  it('a file the cache names but the store no longer has is put together and written again', () => {
    const want = plain('plain-again', changed);
    build('again-first', changed);
    const gone = statSync(join(work, 'again-first/data/zhangdian/dataset.json')).ino;
    for (const f of readdirSync(store)) if (statSync(join(store, f)).ino === gone) rmSync(join(store, f));
    const again = build('again', changed);
    expect(again).toMatchObject({ fromCache: 2 });
    expectSameFiles(again.dir, want);
    expect(existsSync(join(again.dir, 'data/zhangdian/dataset.json'))).toBe(true);
  });

  it('keyed with the runner\'s district keys, a district found in the cache is not serialised: its JSON items come from the cache too', () => {
    const keyed = join(work, 'cache-keyed');
    const keys = new Map([['linzi', 'linzi-1'], ['zhangdian', 'zhangdian-1']]);
    const buildKeyed = (name: string, d: Dataset, k: ReadonlyMap<string, string>) => {
      const dir = join(work, name);
      return { dir, ...writeDownloads(dir, new Downloads(d, SITE, undefined, new DiskDownloadCache(keyed, k)), new FileStore(store)) };
    };
    const want = plain('plain-keyed', data);
    expect(buildKeyed('keyed-first', data, keys)).toMatchObject({ districts: 2, fromCache: 0 });
    expectSameFiles(join(work, 'keyed-first'), want);
    const second = buildKeyed('keyed-second', data, keys);
    expect(second).toMatchObject({ districts: 2, fromCache: 2 });
    expectSameFiles(second.dir, want);
    // The whole dataset.json is put together from the cached JSON items: a piece changed behind the cache's
    // back shows up in it (nothing re-serialised the rows, which the key no longer needs).
    const entry = readdirSync(keyed).find((k) => readFileSync(join(keyed, k, 'files.json'), 'utf8').includes('"zhangdian/'))!;
    const piece = join(keyed, entry, 'tasks.json');
    const real = readFileSync(piece);
    writeFileSync(piece, '{"marker":"from the cache"}');
    try {
      const third = buildKeyed('keyed-third', data, keys);
      expect(readFileSync(join(third.dir, 'data/all/dataset.json'), 'utf8')).toContain('{"marker":"from the cache"}');
    } finally {
      writeFileSync(piece, real);
    }
    // linzi's new bulletin comes with a new key for linzi: it alone is serialised, and the files are a plain build's.
    const after = buildKeyed('keyed-changed', changed, new Map([...keys, ['linzi', 'linzi-2']]));
    expect(after).toMatchObject({ districts: 2, fromCache: 1 });
    expectSameFiles(after.dir, plain('plain-keyed-changed', changed));
  });
});
