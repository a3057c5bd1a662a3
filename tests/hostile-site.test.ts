// Property: a site built from a dataset whose every string field holds every class of hostile content
// (tests/helpers/hostile-payloads.ts) has no live markup from content anywhere: no page (every page type,
// with its SVG charts), no embed page or embed snippet, no feed, no CSV cell a spreadsheet would run,
// and no source copy a browser could run or render.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walk } from './helpers/dist-checks';
import { writeHostileDataset } from './helpers/hostile-dataset';
import { elementsIn, elementsInHtmlText, formulaCells, liveMarkupInFeed, liveMarkupInHtml, liveMarkupInSvg } from './helpers/live-markup';
import { PAYLOADS } from './helpers/hostile-payloads';
import { ROOT } from './helpers/repo-dataset';
import { astroBuild, buildDir, succeeded } from './helpers/child-env';

const tmp = buildDir('hostile-site-');
// Built with an address, so it has feeds and embed snippets (a build without one has neither).
const HOSTILE_SITE = 'https://portal.hostile.test';
const data = join(tmp, 'generated');
const dist = join(tmp, 'dist');
let files: string[] = [];
const read = (f: string) => readFileSync(join(dist, f), 'utf8');

beforeAll(() => {
  writeHostileDataset(data);
  succeeded(astroBuild(dist, { PORTAL_DATA_DIR: data, SITE: HOSTILE_SITE }), 'astro build');
  files = walk(dist);
}, 600_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a site built from a dataset with every payload class in every string field', () => {
  it('built every page type', () => {
    const html = files.filter((f) => f.endsWith('.html'));
    expect(html.length).toBeGreaterThan(400);
    for (const dir of ['linzi/', 'linzi/2023/', 'linzi/2023/m09/', 'linzi/2023/tasks/001/', 'units/', 'leaders/', 'embed/', 'source/linzi/', 'search/', 'quality/', 'data/', 'changes/', 'indicators/', 'about/']) {
      expect(html.some((f) => f.startsWith(dir)), dir).toBe(true);
    }
  });

  it('the payloads reached the pages, as text (the unit chart on a year page draws them)', () => {
    const year = read('linzi/2023/index.html');
    const labels = elementsIn(fromHtml(year), 'text', 'chart-label').map((t) => toText(t));
    expect(labels.some((l) => l.includes('<script>alert("xss")</script>'))).toBe(true);
    expect(labels.some((l) => l.includes('&lt;script src='))).toBe(true);
    expect(year).toContain('&lt;meta http-equiv=&quot;refresh&quot;');
  });

  it('no page holds live markup from content (scripts, meta refresh, handlers, javascript: or off-site links, iframes…)', () => {
    const bad = files.filter((f) => f.endsWith('.html')).flatMap((f) => liveMarkupInHtml(read(f), `${HOSTILE_SITE}/`).map((x) => `${f}: ${x}`));
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('no standalone SVG holds live markup', () => {
    const bad = files.filter((f) => f.endsWith('.svg')).flatMap((f) => liveMarkupInSvg(read(f)).map((x) => `${f}: ${x}`));
    expect(bad).toEqual([]);
  });

  it('every embed snippet is one iframe of this site with a text title, nothing else', () => {
    const embeds = files.filter((f) => f.startsWith('embed/') && f.endsWith('.html'));
    expect(embeds.length).toBeGreaterThan(10);
    const titles: string[] = [];
    for (const f of embeds) {
      const snippet = elementsIn(fromHtml(read(f)), 'pre', 'verbatim').map((p) => toText(p)).find((t) => t.startsWith('<iframe'));
      expect(snippet, f).toBeDefined();
      const els = fromHtml(snippet!, { fragment: true }).children.filter((c) => c.type === 'element');
      expect(els.map((e) => (e as { tagName: string }).tagName), f).toEqual(['iframe']);
      const props = (els[0] as { properties: Record<string, unknown> }).properties;
      expect(Object.keys(props).sort(), f).toEqual(['height', 'loading', 'src', 'style', 'title', 'width']);
      expect(String(props.src)).toMatch(/^https:\/\/portal\.hostile\.test\/embed\//);
      titles.push(String(props.title));
    }
    // Titles naming a district carry its hostile name, as an attribute value only.
    expect(titles.filter((t) => t.includes('<script>alert("xss")</script>')).length).toBeGreaterThan(10);
  });

  it('every feed is well-formed XML whose titles and descriptions hold no markup even when read as HTML', () => {
    const feeds = files.filter((f) => f.startsWith('feeds/') && f.endsWith('.xml'));
    expect(feeds.length).toBeGreaterThanOrEqual(3);
    for (const f of feeds) expect(liveMarkupInFeed(read(f)), f).toEqual([]);
    expect(elementsInHtmlText('<b>x</b>')).toEqual(['b']); // the check itself sees markup
  });

  it('no CSV cell starts a formula (OWASP), and the payloads are in the CSVs', () => {
    const csvs = files.filter((f) => f.endsWith('.csv'));
    expect(csvs.length).toBeGreaterThan(20);
    const all = csvs.map(read).join('\n');
    for (const p of PAYLOADS.filter((x) => x.kind.startsWith('formula-') && !/[\t\r]/.test(x.text))) expect(all).toContain(`'${p.text.replace(/"/g, '""')}`);
    const bad = csvs.flatMap((f) => formulaCells(read(f)).map((c) => `${f}: ${JSON.stringify(c.slice(0, 60))}`));
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('every 第N行 on report, task, quality, citation and embed pages links to that line of the source view', () => {
    const view = 'source/linzi/2023-m09-progress-txt/index.html';
    const ids = new Set(elementsIn(fromHtml(read(view)), 'li').map((li) => String(li.properties?.id)));
    expect(ids.has('L6')).toBe(true);
    const lineLinks = (f: string) => elementsIn(fromHtml(read(f)), 'a').filter((a) => /第\s?\d+(–\d+)?\s?行|\.[a-z]+:\d+$/.test(toText(a))).map((a) => String(a.properties?.href));
    for (const f of ['linzi/2023/m09/index.html', 'linzi/2023/tasks/001/index.html', 'quality/index.html']) {
      const hrefs = lineLinks(f);
      expect(hrefs.length, f).toBeGreaterThan(0);
      for (const h of hrefs) expect(h, f).toMatch(/^\/source\/[a-z]+\/[^/]+\/#L\d+$/);
    }
    const embed = files.find((f) => f.startsWith('embed/report-linzi-2023') && f.endsWith('.html'))!;
    expect(lineLinks(embed).every((h) => /^\/source\/linzi\/2023-m09-progress-txt\/#L\d+$/.test(h))).toBe(true);
    // Every link into a source view, on every page, reaches an existing line anchor (found by the HTML
    // parser: the regex link finder of dist-checks would also see src="…" inside escaped text).
    const anchors = new Map<string, Set<string>>();
    const broken: string[] = [];
    let checked = 0;
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      for (const a of elementsIn(fromHtml(read(f)), 'a')) {
        const m = /^\/(source\/[^#]+\/)#(L\d+)$/.exec(String(a.properties?.href ?? ''));
        if (!m) continue;
        checked++;
        const target = `${m[1]}index.html`;
        if (!anchors.has(target)) anchors.set(target, new Set(files.includes(target) ? elementsIn(fromHtml(read(target)), 'li').map((li) => String(li.properties?.id)) : []));
        if (!anchors.get(target)!.has(m[2]!)) broken.push(`${f}: ${m[0]}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it('no source copy is a text file a browser or <script src> could use: text formats only inside zips', () => {
    const sources = files.filter((f) => f.startsWith('sources/'));
    expect(sources.length).toBe(5);
    for (const f of sources) expect(f, f).toMatch(/\.(zip|docx|doc|xlsx|xls|pdf)$/);
    // robots.txt is the site's own, not a source copy.
    expect(files.filter((f) => /\.(txt|md|htm)$/.test(f) && f !== 'robots.txt')).toEqual([]);
    expect(read('_headers')).toMatch(/\/sources\/\*\n\s+Content-Disposition: attachment/);
  });
});
