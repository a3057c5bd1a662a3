// The global shard's worker keeps each district's search documents between builds (document-cache.ts) and
// builds only the changed districts' (index-input.ts): the index must be byte for byte the one built whole.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFiles } from '~/lib/search/build-index';
import { DiskDocumentCache } from '~/lib/search/document-cache';
import { indexInput } from '~/lib/search/index-input';
import { realDataset } from './helpers/repo-dataset';
import { tempFolders } from './helpers/temp-dir';

const temp = tempFolders('search-document-cache-');
const data = realDataset();
/** The index files as one list of [path, bytes], in order. */
const filesOf = (d: typeof data, cache?: DiskDocumentCache) => {
  const { docs, opts } = indexInput(d, '.', cache);
  return [...indexFiles(docs, opts)];
};
/** linzi's tasks with one character more in every pledge: a new bulletin's worth of change in one district. */
const changed = { ...data, tasks: data.tasks.map((t) => (t.district === 'linzi' ? { ...t, pledge: { ...t.pledge, text: `${t.pledge.text}。` } } : t)) };

describe('search documents kept per district', () => {
  const whole = filesOf(data);

  it('built district by district, then read back from the cache, give the index built whole', () => {
    const dir = temp('c-');
    const keys = new Map([['linzi', 'linzi-1'], ['zhangdian', 'zhangdian-1']]);
    expect(filesOf(data, new DiskDocumentCache(dir, keys))).toEqual(whole);
    expect(readdirSync(dir).sort()).toEqual(['linzi-1.json', 'zhangdian-1.json']);
    expect(filesOf(data, new DiskDocumentCache(dir, keys))).toEqual(whole);
  });

  it('reads a cached district\'s documents instead of building them', () => {
    const dir = temp('c-');
    const keys = new Map([['linzi', 'linzi-1'], ['zhangdian', 'zhangdian-1']]);
    filesOf(data, new DiskDocumentCache(dir, keys));
    // What the cache holds is what the index is made of (which is why the key must cover every row of the district).
    const entry = new DiskDocumentCache(dir, keys).get('zhangdian')!;
    entry.docs[0]!.fields[0]![2] = '标记：来自缓存';
    writeFileSync(join(dir, 'zhangdian-1.json'), JSON.stringify(entry));
    expect(filesOf(data, new DiskDocumentCache(dir, keys)).some(([, body]) => body.includes('标记：来自缓存'))).toBe(true);
  });

  it('after one district changes (a new key), builds it alone, gives the index built whole, and drops its old entry', () => {
    const dir = temp('c-');
    const keys = new Map([['linzi', 'linzi-1'], ['zhangdian', 'zhangdian-1']]);
    filesOf(data, new DiskDocumentCache(dir, keys));
    const after = new Map([...keys, ['linzi', 'linzi-2']]);
    expect(filesOf(changed, new DiskDocumentCache(dir, after))).toEqual(filesOf(changed));
    expect(readdirSync(dir).sort()).toEqual(['linzi-2.json', 'zhangdian-1.json']);
  });

  it('a task naming another district\'s unit: the documents are built whole, the cache left alone', () => {
    const dir = temp('c-');
    const keys = new Map([['linzi', 'linzi-1'], ['zhangdian', 'zhangdian-1']]);
    const other = data.units.find((u) => u.district === 'zhangdian')!;
    const crossing = { ...data, tasks: data.tasks.map((t, i) => (i === 0 ? { ...t, unitIds: [...t.unitIds, other.id] } : t)) };
    expect(crossing.tasks[0]!.district).not.toBe('zhangdian');
    expect(filesOf(crossing, new DiskDocumentCache(dir, keys))).toEqual(filesOf(crossing));
    expect(readdirSync(dir)).toEqual([]);
  });
});
