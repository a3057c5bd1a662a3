// npm run bench:lighthouse — Lighthouse (mobile; performance, accessibility, best practices, SEO) on the
// home, year, report, task and search pages of dist/, served locally, in Debian's Chromium (CHROME_PATH or
// /usr/bin/chromium). Prints each score (0–100) against the target of 95 and the audits that cost points.
// Throttling is Lighthouse's simulated mobile default; on a busy 2-core machine performance varies ±5.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveDist } from '../browser/server';
import { DIST, pageTypes } from '../browser/page-types';

const TARGET = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bench:lighthouse: dist/ is missing — run `npm run build` first.');
  process.exit(1);
}
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const server = await serveDist(DIST);
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const types = pageTypes();
const pages = (['home', 'year', 'report', 'task', 'search'] as const).map((t) => [t, types[t]] as const);

console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile, ${chromePath}\n`);
console.log(['page'.padEnd(30), ...CATEGORIES.map((c) => c.padStart(16))].join(''));
let failed = 0;
const notes: string[] = [];
try {
  for (const [type, path] of pages) {
    const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], formFactor: 'mobile' });
    const lhr = result!.lhr;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    failed += scores.filter((s) => s < TARGET).length;
    console.log([`${type} (${path || '/'})`.padEnd(30), ...scores.map((s) => `${s}${s < TARGET ? ' <' : ''}`.padStart(16))].join(''));
    if (lhr.runtimeError) notes.push(`${type}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (!a || ref.weight === 0 || a.score === null || a.score >= 0.9) continue;
        notes.push(`${type} · ${c} · ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(`\nTarget >= ${TARGET} each: ${failed === 0 ? 'all met' : `${failed} score(s) below`}`);
if (notes.length) console.log(`Audits that cost points:\n  ${notes.join('\n  ')}`);
