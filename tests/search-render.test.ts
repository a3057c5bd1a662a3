// The search page's renderer, run against the real dataset with a minimal stand-in DOM (no browser
// on the build machines): what a reader sees for exact, inferred, fuzzy and empty results.
import { beforeAll, describe, expect, it } from 'vitest';
import { indexInput } from '../src/lib/search/index-input';
import { buildIndex } from '../src/lib/search/build-index';
import { SearchEngine } from '../src/lib/search/engine';
import { renderFacets, renderResults, renderSummary, type RenderContext } from '../src/lib/search/client/render';
import type { SearchState } from '../src/lib/search/url-state';
import { readDataset } from '~/lib/dataset/read';

// Just enough DOM for render.ts: elements, text, fragments; serialised with HTML escaping.
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
class FakeText {
  constructor(public data: string) {}
  get html(): string {
    return esc(this.data);
  }
  get text(): string {
    return this.data;
  }
}
type Kid = FakeEl | FakeText;
class FakeFragment {
  kids: Kid[] = [];
  append(...xs: (Kid | FakeFragment | string)[]) {
    for (const x of xs) {
      if (x instanceof FakeFragment && !(x instanceof FakeEl)) this.kids.push(...x.kids);
      else this.kids.push(typeof x === 'string' ? new FakeText(x) : x);
    }
  }
}
class FakeEl extends FakeFragment {
  attrs = new Map<string, string>();
  constructor(public tag: string) {
    super();
  }
  setAttribute(k: string, v: string) {
    this.attrs.set(k, v);
  }
  set title(v: string) {
    this.attrs.set('title', v);
  }
  get html(): string {
    const a = [...this.attrs].map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
    return `<${this.tag}${a}>${this.kids.map((k) => k.html).join('')}</${this.tag}>`;
  }
  get text(): string {
    return this.kids.map((k) => k.text).join('');
  }
  all(tag: string): FakeEl[] {
    return this.kids.flatMap((k) => (k instanceof FakeEl ? [...(k.tag === tag ? [k] : []), ...k.all(tag)] : []));
  }
}
(globalThis as Record<string, unknown>).document = {
  createElement: (tag: string) => new FakeEl(tag),
  createDocumentFragment: () => new FakeFragment(),
};

let engine: SearchEngine;
beforeAll(() => {
  const { docs, opts } = indexInput(readDataset());
  const files = buildIndex(docs, opts);
  engine = new SearchEngine(async (p) => files.get(p)!);
});

async function view(s: Partial<SearchState>) {
  const state: SearchState = { q: '', page: 1, ...s };
  const r = await engine.search(state);
  const ctx: RenderContext = { state, href: (p) => `/portal/${p}`, pagePath: '/portal/search/' };
  const parts = [renderSummary(ctx, r), renderFacets(ctx, r, true), renderResults(ctx, r)] as unknown as FakeEl[];
  return { r, parts, html: parts.map((p) => p.html).join('\n'), text: parts.map((p) => p.text).join('\n') };
}

describe('search results as rendered', () => {
  it('shows district · year · report, status, highlighted text and links through the base', async () => {
    const { html, parts, r } = await view({ q: '齐鲁石化', district: 'linzi' });
    expect(html).toContain('<mark>齐鲁石化</mark>');
    expect(html).toContain('临淄区 · 2023年 · <a href="/portal/linzi/2023/m09/">9月完成情况通报</a>');
    expect(html).toContain('href="/portal/linzi/2023/tasks/002/"');
    expect(parts[0]!.text).toContain(`找到 ${r.total} 项任务`);
    // The selected facet links back to the state without it.
    const selected = parts[1]!.all('a').find((a) => a.attrs.get('aria-current') === 'true')!;
    expect(selected.attrs.get('href')).toBe('/portal/search/?q=%E9%BD%90%E9%B2%81%E7%9F%B3%E5%8C%96');
  });

  it('marks inferred statuses as inferred, with the deciding phrase', async () => {
    const { parts } = await view({ year: 2021, district: 'linzi' });
    const badges = parts[2]!.all('span').filter((s) => (s.attrs.get('class') ?? '').split(' ').includes('inferred'));
    expect(badges.length).toBeGreaterThan(0);
    for (const b of badges) {
      expect(b.text.startsWith('推断：')).toBe(true);
      expect(b.attrs.get('title')).toMatch(/推断/);
    }
    // The deciding phrase is in view, not only in a tooltip.
    expect(badges.some((b) => /（依据“.+”）$/.test(b.text))).toBe(true);
    // Stated statuses never say 推断.
    const stated = (await view({ q: '齐鲁石化' })).parts[2]!.all('span').filter((s) => (s.attrs.get('class') ?? '').startsWith('badge '));
    expect(stated.length).toBeGreaterThan(0);
    for (const b of stated.filter((x) => !x.attrs.get('class')!.includes('inferred'))) expect(b.text).not.toContain('推断');
  });

  it('offers a unit filter when the query is a unit short name', async () => {
    const { parts } = await view({ q: '发改局' });
    const a = parts[0]!.all('a').find((x) => x.text === '只看责任单位为区发改局（临淄区）的任务')!;
    expect(a.attrs.get('data-state')).toBe('?q=%E5%8F%91%E6%94%B9%E5%B1%80&unit=linzi-qu-fa-gai-ju');
  });

  it('labels near matches 相近结果', async () => {
    const { text } = await view({ q: '齐鲁石华' });
    expect(text).toContain('相近结果');
    expect(text).toContain('没有任务包含“齐鲁石华”的原文');
  });

  it('says 你是不是要找 for a typo or another name, and offers the unit it resolved to', async () => {
    const typo = await view({ q: '区财正局' });
    expect(typo.text).toContain('你是不是要找：');
    const meant = typo.parts[0]!.all('a').find((a) => a.text === '区财政局')!;
    expect(meant.attrs.get('data-state')).toBe(`?q=${encodeURIComponent('区财政局')}`);
    expect(typo.text).toContain('按读音匹配：区财政局');
    expect(typo.parts[0]!.all('a').some((a) => a.text === '只看责任单位为区财政局（临淄区）的任务')).toBe(true);

    const alias = await view({ q: '教育局' });
    expect(alias.text).toContain('你是不是要找：');
    expect(alias.parts[0]!.all('a').some((a) => a.text === '只看责任单位为区教体局（临淄区）的任务')).toBe(true);
    // Every result says why it matched.
    const whys = alias.parts[2]!.all('p').filter((p) => p.attrs.get('class') === 'result-why');
    expect(whys.length).toBeGreaterThan(0);
    for (const w of whys) expect(w.text).toBe('按别称匹配：教体局');
  });

  it('lists exact matches first and says so; the order announced is the order shown', async () => {
    const { text, parts } = await view({ q: '发改委' });
    expect(text).toMatch(/前 1 项含有原文，其后 \d+ 项按别称等匹配/);
    const whys = parts[2]!.all('p').filter((p) => p.attrs.get('class') === 'result-why').map((p) => p.text);
    expect(whys[0]).toBe('原文匹配：发改委');
    expect(whys.slice(1).every((w) => w.startsWith('按别称匹配：'))).toBe(true);
    const years = parts[2]!.all('p').filter((p) => p.attrs.get('class') === 'result-meta').map((p) => Number(/(\d{4})年/.exec(p.text)![1]));
    expect(years.slice(1)).toEqual(years.slice(1).slice().sort((a, b) => b - a));
  });

  it('says when nothing is found and offers to remove the facet that hides the matches', async () => {
    const { text, parts } = await view({ q: '齐鲁石化', district: 'zhangdian' });
    expect(text).toContain('没有找到包含“齐鲁石化”的任务');
    const suggest = parts[0]!.all('a');
    expect(suggest.map((a) => a.text)).toEqual(['去掉“区县”筛选']);
    expect(suggest[0]!.attrs.get('data-state')).toBe('?q=%E9%BD%90%E9%B2%81%E7%9F%B3%E5%8C%96');
  });

  it('never turns document or query text into markup', async () => {
    const { html } = await view({ q: '<img src=x onerror=alert(1)>' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
