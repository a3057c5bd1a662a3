// Tap targets of at least 44×44 px on a phone for every control outside running text, on every page type.
import { describe, expect, test } from 'vitest';
import { PHONE, useSite, visit } from './helpers/site';
import { PAGE_TYPES, pageTypes } from '../../scripts/browser/page-types';
import { smallTargets } from './helpers/targets';

const site = useSite();
const types = pageTypes();

describe('tap targets on a phone', () => {
  test.each(PAGE_TYPES)('%s: every control outside running text is at least 44×44 px', async (type) => {
    const { page } = await visit(site, types[type], { viewport: PHONE });
    if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    const small = await smallTargets(page);
    // Report each kind of control once, with how many share the fault.
    const kinds = new Map<string, number>();
    for (const s of small) kinds.set(`${s.what.replace(/“.*”/, '')} ${s.width}×${s.height}`, (kinds.get(`${s.what.replace(/“.*”/, '')} ${s.width}×${s.height}`) ?? 0) + 1);
    expect(small.slice(0, 12)).toEqual([]);
  });
});
