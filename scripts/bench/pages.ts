// npm run bench:pages — gzipped transfer per page type of the production build (dist/), measured in
// Debian's Chromium: HTML, CSS, JS (the search worker included) and data (the search index), as a
// reader's first visit requests them. Then the search page after a query, and every task page resolved
// from files (HTML + stylesheets + scripts). Targets: scripts/browser/budgets.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../browser/browser';
import { serveDist } from '../browser/server';
import { DIST, PAGE_TYPES, allTaskPaths, pageTypes } from '../browser/page-types';
import { INDEX_PATH, TARGET } from '../browser/budgets';
import { kb, measureFromDist, measureInBrowser, type Transfer } from '../browser/transfer';

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('bench:pages: dist/ is missing — run `npm run build` first.');
  process.exit(1);
}

const server = await serveDist(DIST);
const browser = await launch();
const types = pageTypes();
const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(22) : String(c).padStart(8))).join(''));
const indexHit = (t: Transfer) => t.urls.some((u) => u.includes(INDEX_PATH));

console.log('Gzipped transfer per page type (KB), first visit, phone viewport, measured in Chromium\n');
row(['page type', 'HTML', 'CSS', 'JS', 'data', 'total', 'reqs', 'index?']);
let maxJs = { kb: 0, type: '' };
const measured: Partial<Record<string, Transfer>> = {};
for (const type of PAGE_TYPES) {
  const t = await measureInBrowser(browser, server.url + types[type]);
  measured[type] = t;
  if (t.js > maxJs.kb * 1024) maxJs = { kb: t.js / 1024, type };
  row([`${type} (${types[type] || '/'})`.slice(0, 21), kb(t.html), kb(t.css), kb(t.js), kb(t.data), kb(t.total), t.urls.length, indexHit(t) ? 'yes' : 'no']);
}

// The search page once a reader searches: the index shards the query needs.
const searched = await measureInBrowser(browser, `${server.url}${types.search}`, async (page) => {
  await page.getByRole('searchbox', { name: '关键词或责任单位' }).fill('企业');
  await page.getByRole('heading', { name: /找到 .*项任务/ }).waitFor();
});
row(['search + “企业”', kb(searched.html), kb(searched.css), kb(searched.js), kb(searched.data), kb(searched.total), searched.urls.length, indexHit(searched) ? 'yes' : 'no']);
await browser.close();
await server.close();

const task = measured.task!;
const noSearch = task.html + task.css + task.js;
const others = PAGE_TYPES.filter((t) => t !== 'search' && indexHit(measured[t]!));
console.log(`\nTask page (${types.task}) without search: ${kb(noSearch)} KB — target <= ${TARGET.taskPageKB} KB (${((noSearch / 1024 / TARGET.taskPageKB) * 100).toFixed(0)}% of target)`);
console.log(`Most JavaScript on one page: ${maxJs.kb.toFixed(1)} KB (${maxJs.type}) — ceiling ${TARGET.jsPerPageKB} KB`);
console.log(`Search index fetched by pages other than search: ${others.length ? others.join(', ') : 'none'}; by the search page on open: ${indexHit(measured.search!) ? 'yes' : 'no'}; after a query: ${kb(searched.data)} KB of index`);

// Every task page, from files.
const all = allTaskPaths().map((p) => ({ p, t: measureFromDist(DIST, '/', p) })).sort((a, b) => a.t.total - b.t.total);
const pick = (q: number) => all[Math.min(all.length - 1, Math.floor(q * (all.length - 1)))]!;
const over = all.filter((x) => x.t.total > TARGET.taskPageKB * 1024);
console.log(`\nAll ${all.length} task pages, HTML + CSS + JS gzipped, resolved from dist/: min ${kb(all[0]!.t.total)} · median ${kb(pick(0.5).t.total)} · p95 ${kb(pick(0.95).t.total)} · max ${kb(all.at(-1)!.t.total)} KB (${all.at(-1)!.p}); over ${TARGET.taskPageKB} KB: ${over.length}`);
const check = measureFromDist(DIST, '/', types.task);
console.log(`Cross-check ${types.task}: files ${kb(check.total)} KB vs browser ${kb(noSearch)} KB`);
