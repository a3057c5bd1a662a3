// Writing the search index as it is made (src/lib/search/write-index.ts writeIndexFiles, what the build
// worker does): the same folder, files and bytes as building the whole index and then writing it, on
// the seeds in both index modes; and a build that fails half-way leaves no folder behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndex, indexFiles } from '~/lib/search/build-index';
import { indexHash, indexInput } from '~/lib/search/index-input';
import { writeIndex, writeIndexFiles } from '~/lib/search/write-index';
import { realDataset, ROOT } from './helpers/repo-dataset';

const tmp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'search-write-index-'));
  tmp.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

const filesUnder = (root: string) =>
  readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

describe('writeIndexFiles', () => {
  const { docs, opts } = indexInput(realDataset(), ROOT);

  for (const [mode, o] of [['single', opts], ['sharded', { ...opts, singleMax: 0, bucketBytes: 4000 }]] as const) {
    it(`writes what writeIndex writes for the whole index, under the same hash (${mode})`, () => {
      const files = buildIndex(docs, o);
      const hash = indexHash(files);
      const [held, streamed] = [tempDir(), tempDir()];
      writeIndex(held, { hash, files });
      expect(writeIndexFiles(streamed, indexFiles(docs, o))).toEqual({ hash, files: files.size });
      expect(readdirSync(join(streamed, 'search-index'))).toEqual([hash]);
      const paths = filesUnder(held);
      expect(paths.length).toBe(files.size);
      expect(filesUnder(streamed)).toEqual(paths);
      for (const p of paths) expect(readFileSync(join(streamed, p)).equals(readFileSync(join(held, p))), p).toBe(true);
      if (mode === 'sharded') expect(paths.some((p) => p.includes('/g/'))).toBe(true);
    });
  }

  it('leaves no folder when making the files fails half-way, and says why', () => {
    const out = tempDir();
    function* failing(): Generator<[string, string]> {
      yield ['meta.json', '{}'];
      yield ['d/0.json', '[]'];
      throw new Error('索引文件生成失败');
    }
    expect(() => writeIndexFiles(out, failing())).toThrow('索引文件生成失败');
    expect(readdirSync(join(out, 'search-index'))).toEqual([]);
  });
});
