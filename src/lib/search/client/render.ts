// Build the result list, facets and messages as DOM nodes. Text goes in through textContent only:
// document text is never parsed as HTML.
import type { FacetCount, FacetDim } from '../facets';
import type { ResultItem, SearchResponse } from '../engine';
import type { Segment } from '../highlight';
import { activeFacets, encodeState, type SearchState } from '../url-state';
import { normalizeText } from '../normalize';

const normalizeForLink = (t: string) => normalizeText(t).trim();

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string>, ...kids: (Node | string)[]) => HTMLElementTagNameMap[K];

export const el: Make = (tag, attrs = {}, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const kid of kids) node.append(kid);
  return node;
};

const FACET_TITLES: Record<FacetDim, string> = { district: '区县', year: '年份', status: '状态', unit: '责任单位' };
const FACET_NAMES: Record<string, string> = { district: '区县', year: '年份', status: '状态', unit: '责任单位' };
/** Long unit lists are cut; the selected one always stays. */
const UNIT_FACET_LIMIT = 15;

export interface RenderContext {
  state: SearchState;
  /** Deployment base + path for a base-relative path (src/lib/urls.ts href). */
  href: (path: string) => string;
  /** The search page's own path, for facet links. */
  pagePath: string;
}

const stateLink = (ctx: RenderContext, s: SearchState) => `${ctx.pagePath}${encodeState(s)}`;

function marked(segments: Segment[]): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const s of segments) f.append(s.hit ? el('mark', {}, s.text) : s.text);
  return f;
}

/** The site's status badge (.badge, as StatusBadge.astro renders it): inferred ones say 推断. */
function statusBadge(item: ResultItem): HTMLElement {
  const inferred = item.statusSource === 'inferred';
  const fallback = inferred ? `推断：${item.statusLabel}${item.statusPhrase ? `（依据“${item.statusPhrase}”）` : ''}` : item.statusLabel;
  const badge = el('span', { class: `badge badge-${item.status}${inferred ? ' inferred' : ''}` }, item.statusText ?? fallback);
  if (item.statusNote) badge.title = item.statusNote;
  return badge;
}

function resultItem(ctx: RenderContext, item: ResultItem): HTMLElement {
  const meta = el(
    'p',
    { class: 'result-meta' },
    `${item.districtName} · ${item.year}年 · ${item.kindLabel ? `${item.kindLabel} · ` : ''}`,
    item.reportUrl ? el('a', { href: ctx.href(item.reportUrl) }, item.report) : item.report,
    ' · ',
    statusBadge(item),
  );
  const snippets = item.snippets.map((s) => el('p', { class: 'snippet' }, el('span', { class: 'snippet-label' }, `${s.label}：`), marked(s.segments)));
  // Why it matched, in words (原文匹配：财政 · 按读音匹配：财政): a near match is never passed off as exact.
  const why = el('p', { class: 'result-why' }, item.matchedBy.map((m) => m.label).join('；'));
  return el('li', { class: 'result' }, el('h3', {}, el('a', { href: ctx.href(item.url) }, marked(item.pledge))), meta, why, ...snippets);
}

function facetGroup(ctx: RenderContext, dim: FacetDim, counts: FacetCount[] | null): HTMLElement | null {
  if (!counts || counts.length === 0) return null;
  const shown = dim === 'unit' ? counts.filter((c, i) => i < UNIT_FACET_LIMIT || c.selected) : counts;
  const items = shown.map((c) => {
    const next: SearchState = { ...ctx.state, page: 1 };
    const value = dim === 'year' ? Number(c.value) : c.value;
    if (c.selected) delete next[dim];
    else (next as unknown as Record<string, unknown>)[dim] = value;
    const a = el('a', { href: stateLink(ctx, next), 'data-state': encodeState(next) }, `${c.label} `, el('span', { class: 'count' }, `(${c.count})`));
    if (c.selected) {
      a.setAttribute('aria-current', 'true');
      a.title = '再次点击取消此筛选';
    }
    return el('li', {}, a);
  });
  const more = counts.length > shown.length ? el('p', { class: 'facet-more' }, `另有 ${counts.length - shown.length} 个单位，可输入单位名称缩小范围。`) : '';
  return el('section', { class: 'facet', 'aria-label': `按${FACET_TITLES[dim]}筛选` }, el('h3', {}, FACET_TITLES[dim]), el('ul', {}, ...items), more);
}

/** Facets in a <details>: on a phone they would push the results a screen down. */
export function renderFacets(ctx: RenderContext, r: SearchResponse, open: boolean): HTMLElement {
  const groups = (['district', 'year', 'status', 'unit'] as const).map((d) => facetGroup(ctx, d, r.facets[d])).filter((g): g is HTMLElement => g !== null);
  const active = activeFacets(ctx.state).length;
  const summary = el('summary', {}, active ? `筛选（已选 ${active} 项）` : '按区县、年份、状态、责任单位筛选');
  const box = el('details', { class: 'facets-box' }, summary, el('div', { class: 'facets' }, ...groups));
  if (open) box.setAttribute('open', '');
  return box;
}

export function renderSummary(ctx: RenderContext, r: SearchResponse): HTMLElement {
  const q = ctx.state.q.trim();
  const box = el('div', { class: 'summary' });
  if (r.total === 0) {
    box.append(el('p', { class: 'empty' }, q ? `没有找到包含“${q}”的任务。` : '没有符合筛选条件的任务。'));
    const active = activeFacets(ctx.state);
    if (active.length && r.totalWithoutFacets > 0) {
      const links = active.map((k) => {
        const next = { ...ctx.state, page: 1 };
        delete next[k];
        return el('li', {}, el('a', { href: stateLink(ctx, next), 'data-state': encodeState(next) }, `去掉“${FACET_NAMES[k]}”筛选`));
      });
      box.append(el('p', {}, `不加筛选时有 ${r.totalWithoutFacets} 项任务包含这些词。试试：`), el('ul', { class: 'suggest' }, ...links));
    } else if (q) box.append(el('p', {}, '可以减少关键词、检查错别字，或只输入单位简称（如“发改局”）。'));
    return box;
  }
  if (r.mode === 'fuzzy') {
    box.append(
      el('h2', { id: 'results-heading' }, '相近结果'),
      el('p', {}, `没有任务包含“${q}”的原文。以下 ${r.total} 项任务含有相近的文字，请核对后再引用。`),
    );
    return box;
  }
  const unitLinks = () => {
    if (!r.unitSuggestions.length) return null;
    const links = r.unitSuggestions.map((u) => {
      const next: SearchState = { ...ctx.state, unit: u.value, page: 1 };
      return el('li', {}, el('a', { href: stateLink(ctx, next), 'data-state': encodeState(next) }, `只看责任单位为${u.label}的任务`));
    });
    return el('ul', { class: 'suggest' }, ...links);
  };
  // 你是不是要找 …: what a term was taken to mean, each a search for that text as typed.
  const meant = () => {
    const items = r.didYouMean.map((d) => {
      const next: SearchState = { ...ctx.state, q: q.split(/[ \u3000]+/u).map((t) => (normalizeForLink(t) === d.term ? d.text : t)).join(' '), page: 1 };
      return el('li', {}, el('a', { href: stateLink(ctx, next), 'data-state': encodeState(next) }, d.text), `（${d.label.split('：')[0]}，${d.count} 项）`);
    });
    return el('div', { class: 'did-you-mean' }, el('p', {}, '你是不是要找：'), el('ul', { class: 'suggest' }, ...items));
  };
  if (r.mode === 'near') {
    box.append(
      el('h2', { id: 'results-heading' }, '相近结果'),
      el('p', {}, `没有任务包含“${q}”的原文。以下 ${r.total} 项任务按别称、拼音或读音与之相符，每项注明按什么匹配，请核对后再引用。`),
      meant(),
    );
    const units = unitLinks();
    if (units) box.append(units);
    box.append(el('p', { class: 'range' }, `第 ${(r.page - 1) * 20 + 1}–${(r.page - 1) * 20 + r.results.length} 项，按匹配方式（别称、拼音、读音）排列，同一方式内按年份从新到旧。`));
    return box;
  }
  const units = unitLinks();
  if (units) box.append(units);
  const range = `第 ${(r.page - 1) * 20 + 1}–${(r.page - 1) * 20 + r.results.length} 项`;
  const count = r.countExact ? `${r.total}` : `约 ${r.total}`;
  const mixed = r.total > r.exactTotal && q !== '';
  const order = !mixed
    ? `${range}，按年份从新到旧排列。`
    : r.exactTotal === 0
      ? `${range}：原文写法与所输入的不同（如繁体、别称，每项注明），按匹配方式分组，组内按年份从新到旧排列。`
      : `${range}：前 ${r.exactTotal} 项含有原文，其后 ${r.total - r.exactTotal} 项按别称等匹配（每项注明）；各组内按年份从新到旧排列。`;
  box.append(el('h2', { id: 'results-heading' }, q ? `找到 ${count} 项任务` : `共 ${count} 项任务`), el('p', { class: 'range' }, order));
  if (mixed && r.didYouMean.length) box.append(meant());
  return box;
}

export function renderResults(ctx: RenderContext, r: SearchResponse): HTMLElement {
  const list = el('ol', { class: 'results', 'aria-labelledby': 'results-heading' }, ...r.results.map((x) => resultItem(ctx, x)));
  const nav = el('nav', { class: 'pager', 'aria-label': '翻页' });
  if (r.page > 1) nav.append(el('a', { href: stateLink(ctx, { ...ctx.state, page: r.page - 1 }), 'data-state': encodeState({ ...ctx.state, page: r.page - 1 }) }, '上一页'));
  if (r.pageCount > 1) nav.append(el('span', {}, ` 第 ${r.page} / ${r.pageCount} 页 `));
  if (r.page < r.pageCount) nav.append(el('a', { href: stateLink(ctx, { ...ctx.state, page: r.page + 1 }), 'data-state': encodeState({ ...ctx.state, page: r.page + 1 }) }, '下一页'));
  return el('div', {}, list, nav);
}
