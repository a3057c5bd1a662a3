// The build-time index writer (index-integration.ts): `astro build` hands it the index the site
// computed, and it writes every file, byte for byte, where the search page fetches them.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import searchIndexWriter from '../src/lib/search/index-integration';
import { handoff } from '../src/lib/search/index-handoff';
import { buildIndex } from '../src/lib/search/build-index';
import { indexInput } from '../src/lib/search/index-input';
import { readDataset } from '../src/lib/search/dataset-files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  delete handoff().value;
  delete handoff().writer;
});

const listFiles = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

describe('search index writer', () => {
  it('writes every file of the index the build computed under search-index/<hash>/, byte for byte', async () => {
    const { docs, opts } = indexInput(readDataset());
    const files = buildIndex(docs, { ...opts, singleMax: 0 });
    expect([...files.keys()].some((f) => f.startsWith('g/'))).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'search-writer-'));
    dirs.push(out);
    const hooks = searchIndexWriter().hooks;
    const info: string[] = [];
    await hooks['astro:config:setup']!({ command: 'build' } as never);
    expect(handoff().writer).toBe(true);
    handoff().value = { hash: 'abcdef012345', files };
    await hooks['astro:build:done']!({ dir: pathToFileURL(out + '/'), logger: { info: (m: string) => info.push(m) } } as never);
    const root = join(out, 'search-index', 'abcdef012345');
    expect(listFiles(root)).toEqual([...files.keys()].sort());
    for (const [file, body] of files) expect(readFileSync(join(root, file), 'utf8'), file).toBe(body);
    expect(info.join()).toContain(`${files.size} files`);
  });

  it('is only the writer for `astro build` (the dev server serves the endpoints)', async () => {
    await searchIndexWriter().hooks['astro:config:setup']!({ command: 'dev' } as never);
    expect(handoff().writer).toBeUndefined();
  });

  it('fails the build, saying why, when no index was computed', async () => {
    const out = mkdtempSync(join(tmpdir(), 'search-writer-'));
    dirs.push(out);
    await expect(
      Promise.resolve().then(() => searchIndexWriter().hooks['astro:build:done']!({ dir: pathToFileURL(out + '/'), logger: { info() {} } } as never)),
    ).rejects.toThrow(/search index/);
  });
});
