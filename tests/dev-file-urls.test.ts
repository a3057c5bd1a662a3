// In `astro dev`, parameter-named files (search index, downloads, sources) are reached without the
// trailing slash the router wants; see src/lib/dev-file-urls.ts.
import { describe, expect, it } from 'vitest';
import { devFileUrl } from '../src/lib/dev-file-urls';

describe('devFileUrl', () => {
  it('adds the slash to search-index, data and sources files, keeping the query', () => {
    expect(devFileUrl('/search-index/0123abcd4567/meta.json')).toBe('/search-index/0123abcd4567/meta.json/');
    expect(devFileUrl('/data/linzi/2023/m09/progress.csv?x=1')).toBe('/data/linzi/2023/m09/progress.csv/?x=1');
    expect(devFileUrl('/sources/linzi/2023-m09-progress.txt')).toBe('/sources/linzi/2023-m09-progress.txt/');
  });
  it('respects a sub-path base', () => {
    expect(devFileUrl('/portal/data/all/tasks.csv', '/portal/')).toBe('/portal/data/all/tasks.csv/');
    expect(devFileUrl('/data/all/tasks.csv', '/portal/')).toBeUndefined();
  });
  it('leaves pages, directories and other files alone', () => {
    for (const u of ['/data/', '/data/all/tasks.csv/', '/linzi/2023/', '/feeds/all.xml', '/favicon.svg', '/search/?q=x.y']) expect(devFileUrl(u)).toBeUndefined();
  });
});
