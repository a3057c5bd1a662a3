// Every page type loads cleanly in Chromium (no console error, no failed request, nothing from another
// origin) on a phone and a desktop, and leaves a screenshot in test-output/screenshots/ for review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, useSite, visit } from './helpers/site';
import { PAGE_TYPES, ROOT, pageTypes } from '../../scripts/browser/page-types';

const site = useSite();
const SHOTS = join(ROOT, 'test-output', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const types = pageTypes();

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('every page type on a %s', (device, viewport) => {
  test.each(PAGE_TYPES)('%s: loads without errors, only from its own origin', async (type) => {
    // Network idle, not just load: every request the page makes on its own counts.
    const { page, trouble } = await visit(site, types[type], { viewport }, { waitUntil: 'networkidle' });
    // The search page runs its (empty) query in a worker; wait for the result so its requests count too.
    if (type === 'search') await page.locator('[data-search-output][aria-busy="false"]').waitFor({ state: 'attached' });
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(trouble.consoleErrors.join('\n'), 'console errors').toBe('');
    expect(trouble.failedRequests.join('\n'), 'failed requests').toBe('');
    expect(trouble.offOrigin.join('\n'), 'requests to another origin').toBe('');
    await page.screenshot({ path: join(SHOTS, `${type}-${device}.png`), fullPage: true });
  });
});
