// The global shard's file store (src/lib/build-worker/file-store.ts): its download and search index files
// are kept once by SHA-256 and linked into each build, so a build after one bulletin writes only the files
// whose bytes changed; the site's bytes are the same as when every file is written.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore, pruneStore } from '~/lib/build-worker/file-store';
import { Downloads } from '~/lib/opendata/download-files';
import { writeDownloads } from '~/lib/opendata/write-downloads';
import { searchIndexFiles } from '~/lib/search/index-input';
import { writeIndexFiles } from '~/lib/search/write-index';
import { realDataset } from './helpers/repo-dataset';

const work = mkdtempSync(join(tmpdir(), 'file-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SITE = 'https://example.gov.cn/';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => Buffer.from(s, 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('FileStore', () => {
  it('stores each content once and links it wherever it is placed', () => {
    const store = new FileStore(join(work, 'store-a'));
    mkdirSync(join(work, 'a'));
    const body = bytes('区县,任务\n临淄区,1\n');
    store.place(join(work, 'a/one.csv'), [body.subarray(0, 5), body.subarray(5)], sha(body));
    store.place(join(work, 'a/two.csv'), [body], sha(body));
    store.place(join(work, 'a/other.csv'), [bytes('x')], sha(bytes('x')));
    expect(readdirSync(join(work, 'store-a')).sort()).toEqual([sha(body), sha(bytes('x'))].sort());
    expect(readFileSync(join(work, 'a/one.csv'))).toEqual(body);
    expect(statSync(join(work, 'a/one.csv')).ino).toBe(statSync(join(work, 'a/two.csv')).ino);
    expect(statSync(join(work, 'store-a', sha(body))).nlink).toBe(3);
  });

  it('writes a stored file again when its size is not the bytes it names', () => {
    const dir = join(work, 'store-b');
    mkdirSync(dir);
    const body = bytes('{"count":329}\n');
    writeFileSync(join(dir, sha(body)), '{"cou'); // cut short, as by a full disk outside the store's own writes
    mkdirSync(join(work, 'b'));
    new FileStore(dir).place(join(work, 'b/meta.json'), [body], sha(body));
    expect(readFileSync(join(work, 'b/meta.json'))).toEqual(body);
  });

  it('prune removes what nothing else links (and half-written leftovers), keeps what a site or cached shard links', () => {
    const dir = join(work, 'store-c');
    const store = new FileStore(dir);
    mkdirSync(join(work, 'c'));
    const kept = bytes('kept');
    const dropped = bytes('dropped');
    store.place(join(work, 'c/kept'), [kept], sha(kept));
    store.place(join(work, 'c/dropped'), [dropped], sha(dropped));
    writeFileSync(join(dir, '.partial-1-0'), 'half');
    rmSync(join(work, 'c/dropped'));
    expect(pruneStore(dir)).toBe(2);
    expect(readdirSync(dir)).toEqual([sha(kept)]);
    expect(pruneStore(join(work, 'no-such-store'))).toBe(0);
  });
});

describe('the build worker with a store', () => {
  const data = realDataset();

  it('writes the same download and search index files as without one, and a second build links every unchanged file', () => {
    const plain = join(work, 'plain');
    writeDownloads(plain, new Downloads(data, SITE));
    const plainIndex = writeIndexFiles(plain, searchIndexFiles(data));

    const store = join(work, 'store-d');
    const first = join(work, 'first');
    writeDownloads(first, new Downloads(data, SITE), new FileStore(store));
    const firstIndex = writeIndexFiles(first, searchIndexFiles(data), new FileStore(store));
    expect(firstIndex).toEqual(plainIndex);
    expect(files(first)).toEqual(files(plain));
    for (const f of files(plain)) expect(readFileSync(join(first, f)).equals(readFileSync(join(plain, f))), f).toBe(true);

    // The same data again: nothing new is stored, every file is the first build's (same inode).
    const stored = readdirSync(store).length;
    const second = join(work, 'second');
    writeDownloads(second, new Downloads(data, SITE), new FileStore(store));
    writeIndexFiles(second, searchIndexFiles(data), new FileStore(store));
    expect(readdirSync(store)).toHaveLength(stored);
    for (const f of files(first)) expect(statSync(join(second, f)).ino, f).toBe(statSync(join(first, f)).ino);

    // One district's rows change: its files and the whole-dataset ones are new, the other district's are linked.
    const changed = { ...data, tasks: data.tasks.map((t) => (t.district === 'linzi' ? { ...t, pledge: { ...t.pledge, text: `${t.pledge.text}。` } } : t)) };
    const third = join(work, 'third');
    writeDownloads(third, new Downloads(changed, SITE), new FileStore(store));
    const same = (f: string) => statSync(join(third, f)).ino === statSync(join(first, f)).ino;
    const under = (prefix: string) => files(third).filter((f) => f.startsWith(prefix));
    expect(under('data/zhangdian/').length).toBeGreaterThan(0);
    expect(under('data/zhangdian/').every(same)).toBe(true);
    expect(under('data/linzi/').some(same)).toBe(true); // e.g. reports.csv: no task in it
    expect(same('data/linzi/2023/tasks.csv')).toBe(false);
    expect(same('data/all/tasks.csv')).toBe(false);
    expect(existsSync(join(third, 'data/all/dataset.json'))).toBe(true);
  }, 60_000);
});
