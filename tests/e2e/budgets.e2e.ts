// Page weight guards. The figures are printed by `npm run bench:pages`; this fails only on a large
// regression (FAIL_FACTOR × a target) or when a page other than search fetches the search index.
import { describe, expect, test } from 'vitest';
import { useSite } from './helpers/site';
import { DIST, PAGE_TYPES, allTaskPaths, pageTypes } from '../../scripts/browser/page-types';
import { FAIL_FACTOR, INDEX_PATH, TARGET } from '../../scripts/browser/budgets';
import { measureFromDist, measureInBrowser } from '../../scripts/browser/transfer';

const site = useSite();
const types = pageTypes();
const KB = 1024;

describe('page budgets', () => {
  test.each(PAGE_TYPES)('%s: JavaScript well under the ceiling; the search index only on the search page', async (type) => {
    const t = await measureInBrowser(site.browser, site.url(types[type]));
    expect(t.html, 'the page itself was measured').toBeGreaterThan(500);
    expect(t.js / KB).toBeLessThanOrEqual(TARGET.jsPerPageKB * FAIL_FACTOR);
    if (type !== 'search') expect(t.urls.filter((u) => u.includes(INDEX_PATH))).toEqual([]);
    if (type === 'task') expect((t.html + t.css + t.js) / KB).toBeLessThanOrEqual(TARGET.taskPageKB * FAIL_FACTOR);
  });

  test('every task page (resolved from dist/) stays within twice the task-page target', () => {
    const paths = allTaskPaths();
    expect(paths.length).toBeGreaterThan(100);
    const heavy = paths.map((p) => ({ p, kb: measureFromDist(DIST, '/', p).total / KB })).filter((x) => x.kb > TARGET.taskPageKB * FAIL_FACTOR);
    expect(heavy).toEqual([]);
  });

  test('file-resolved and in-browser measures agree on the task page (so the file check above is real)', async () => {
    const inBrowser = await measureInBrowser(site.browser, site.url(types.task));
    const fromFiles = measureFromDist(DIST, '/', types.task);
    expect(Math.abs(fromFiles.total - (inBrowser.html + inBrowser.css + inBrowser.js))).toBeLessThan(256);
  });
});
