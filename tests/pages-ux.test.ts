// Summaries that mean what a reader takes them to mean, checked on the built pages (dist/).
import { describe, expect, it } from 'vitest';
import { paths } from '../src/lib/urls';
import { byId, loadDataset, page, text, walk, DIST } from './helpers/built-site';

describe('summaries on the built pages', () => {
  it('no 0% above a column that has no stated status (a plan, an all-inferred report)', () => {
    const ds = loadDataset();
    for (const d of ds.districts) {
      const chart = byId(page(paths.district(d.id)), 'district-timeline', 'figure')!;
      const svg = /<svg[\s\S]*?<\/svg>/.exec(chart)![0];
      const shares = [...svg.matchAll(/class="chart-count"[^>]*>([^<]*)</g)].map((m) => m[1]);
      const reports = ds.reports.filter((r) => r.district === d.id && r.rowCount > 0);
      for (const r of reports) {
        const statedAny = Object.entries(r.statusCounts).some(([k, n]) => n > 0 && k !== 'planned' && k !== 'unstated');
        if (!statedAny) expect(shares, `${d.id}: ${r.id} has no stated status`).not.toContain('0%');
      }
      expect(shares.length).toBe(reports.length);
    }
    expect(text(page('linzi/'))).toContain('2020年第三、四季度只列目标（16项）');
  });

  it('no year glued to a month or period anywhere (20239月)', () => {
    const glued: string[] = [];
    for (const f of walk(DIST).filter((f) => f.endsWith('index.html'))) {
      const t = text(page(f.replace(/index\.html$/, '')));
      const m = /(?<!\d)20\d\d(?:\d{1,2}月|第[一二三四]季度)/.exec(t);
      if (m) glued.push(`${f}: ${m[0]}`);
    }
    expect(glued).toEqual([]);
  });

  it('a year with only a work report says so instead of drawing status and unit charts of zeros', () => {
    const ds = loadDataset();
    const years = new Map<string, string[]>();
    for (const r of ds.reports) years.set(`${r.district}/${r.year}`, [...(years.get(`${r.district}/${r.year}`) ?? []), r.kind]);
    const targetsOnly = [...years].filter(([, kinds]) => !kinds.includes('progress')).map(([k]) => k);
    expect(targetsOnly).toContain('zhangdian/2021');
    for (const k of targetsOnly) {
      const html = page(`${k}/`);
      expect(byId(html, 'year-units', 'figure'), k).toBeUndefined();
      expect(byId(html, 'year-mix', 'figure'), k).toBeUndefined();
      expect(text(html)).toContain('只有目标，还没有完成情况通报');
      expect(text(html)).not.toMatch(/未列单位）0\/\d+/);
    }
  });

  it('where a bulletin has more rows than tasks, the page says why', () => {
    const r = loadDataset().reports.find((x) => x.id === 'zhangdian-2020-q2')!;
    expect([r.taskCount, r.rowCount]).toEqual([72, 77]);
    expect(text(page(paths.report(r)))).toContain('72 项（表格 77 行，其中 5 行是任务下分列的具体目标）');
    expect(text(page(''))).toContain('72 项任务占表格 77 行，其中 5 行是任务下分列的具体目标');
  });
});

describe('careful editorial Chinese on every page', () => {
  it('no jargon or awkward phrases outside the method page, sub-targets numbered from 1', () => {
    const bad = /二元组|阈值|全年政府工作报告|列名（未标明|子目标 0|numbering-gap|row-cut-off|unknown-name|content\/aliases/;
    const found: string[] = [];
    for (const f of walk(DIST).filter((f) => f.endsWith('index.html') && !f.startsWith('about/') && !f.startsWith('data/'))) {
      const m = bad.exec(text(page(f.replace(/index\.html$/, ''))));
      if (m) found.push(`${f}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    // A task with sub-targets lists them from 1 (an <ol> without value="0").
    const ds = loadDataset();
    const t = ds.tasks.find((x) => x.subTargets.length > 0)!;
    const html = page(paths.task(t));
    expect(byId(html, 'sub-targets', 'h2')).toBeDefined();
    expect(html).not.toMatch(/<li value="0"/);
  });
});

describe('downloads a reporter opens in Excel', () => {
  it('CSV headers are Chinese; datapackage.json maps each machine name to its header', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const csv = readFileSync(join(DIST, 'data', 'all', 'tasks.csv'), 'utf8');
    const header = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toContain('任务编号');
    expect(header).not.toMatch(/latest_status_label|[a-z]_[a-z]/);
    const pkg = JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8'));
    const res = pkg.resources.find((r: { path: string }) => r.path === 'all/tasks.csv');
    const fields = res.schema.fields as { name: string; title: string }[];
    expect(fields.map((f) => f.title).join(',')).toBe(header);
    expect(fields.find((f) => f.name === 'latest_status_label')?.title).toBeTruthy();
  });
});

describe('纠错 on every task and report page', () => {
  it('names the page, the id and the source line, as a prefilled link or (no contact configured) as text to send', async () => {
    const { readSiteConfig } = await import('../src/lib/site-config');
    const { correctionHref, sourceLine } = await import('../src/lib/site/corrections');
    const config = readSiteConfig();
    const ds = loadDataset();
    const pages = [
      ...ds.tasks.map((t) => ({ path: paths.task(t), id: t.id, source: sourceLine(t.source.file, t.source.lines) })),
      ...ds.reports.map((r) => ({ path: paths.report(r), id: r.id, source: r.source.file.replace(/^content\/reports\//, '') })),
    ];
    for (const p of pages) {
      const aside = /<aside class="corrections[^"]*"[^>]*>([\s\S]*?)<\/aside>/.exec(page(p.path))?.[1];
      expect(aside, p.path).toBeDefined();
      if (config.corrections) {
        const href = /<a class="jump" href="([^"]+)"/.exec(aside!)![1]!.replace(/&amp;/g, '&');
        expect(href.startsWith(config.corrections.split('?')[0]!), p.path).toBe(true);
        expect(decodeURIComponent(href), p.path).toContain(p.id);
      } else {
        // Never a dead link: the facts to send, and to whom.
        expect(text(aside!), p.path).toContain(`编号：${p.id}`);
        expect(text(aside!), p.path).toContain(`出处：${p.source}`);
        expect(text(aside!), p.path).toContain(config.publisher);
        expect(correctionHref(config.corrections, { page: p.path, id: p.id, source: p.source })).toBeUndefined();
      }
    }
  });
});

describe('feeds per unit and per leader', () => {
  it('every unit and leader page links to its own feed, and the feed is built (when the site has an address)', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { openDataPaths } = await import('../src/lib/opendata/paths');
    const ds = loadDataset();
    const owners = [...ds.units.map((u) => [paths.unit(u.id), openDataPaths.feedUnit(u.id)] as const), ...ds.leaders.map((l) => [paths.leader(l.id), openDataPaths.feedLeader(l.id)] as const)];
    const published = existsSync(join(DIST, 'feeds'));
    for (const [pagePath, feed] of owners) {
      const html = page(pagePath);
      if (!published) {
        // No site address: no feeds (their links must be absolute), so no link to one either.
        expect(html, pagePath).not.toContain(`/${feed}"`);
        continue;
      }
      expect(html, pagePath).toContain(`href="/${feed}"`);
      expect(html, pagePath).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml" title="[^"]+" href="/${feed.replace(/[.]/g, '\\.')}"`));
      expect(existsSync(join(DIST, feed)), feed).toBe(true);
    }
  });
});
