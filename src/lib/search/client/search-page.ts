// The search page's script: reads the state from the URL, runs queries in a Web Worker (or on the
// page if workers are unavailable), renders, and keeps the URL in step so links can be shared and
// back/forward restore a search. A burst of typing adds one history entry (then replaces it as the
// query grows); a facet, a page or Enter adds one each.
import { activeFacets, decodeState, encodeState, type SearchState } from '../url-state';
import { renderFacets, renderResults, renderSummary, type RenderContext } from './render';
import type { SearchReply, SearchRequest } from './protocol';

const DEBOUNCE_MS = 250;

export function startSearchPage(root: HTMLElement): void {
  const indexUrl = new URL(root.dataset.index!, location.href).href;
  const base = root.dataset.base ?? '/';
  const form = root.querySelector<HTMLFormElement>('form[role="search"]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const out = root.querySelector<HTMLElement>('[data-search-output]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const pagePath = location.pathname;
  const href = (p: string) => `${base.endsWith('/') ? base : `${base}/`}${p.replace(/^\//, '')}`;

  let state: SearchState = decodeState(location.search);
  // The bare page (no query, no filter) keeps its browse lists as built: listing every task on load pushed
  // them a screen down after the first paint (a layout shift; Lighthouse CLS 0.35 on a phone).
  const isBare = (s: SearchState) => s.q.trim() === '' && activeFacets(s).length === 0 && s.page === 1;
  const baseTitle = document.title;
  /** Whether the current burst of typing already has its own history entry. */
  let typing = false;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let send: (req: SearchRequest) => void;
  let last: SearchRequest | undefined;
  const onReply = (r: SearchReply) => {
    if (r.id !== seq) return; // a newer query is on its way
    if (r.error) {
      status.classList.remove('visually-hidden');
      status.textContent = `搜索出错：${r.error}。请刷新页面重试，或按年份、单位浏览。`;
      return;
    }
    if (!r.response) return;
    const ctx: RenderContext = { state, href, pagePath };
    // Keep the reader's open/closed choice for the facets; first time: open on wide screens or when a facet is set.
    const prev = out.querySelector<HTMLDetailsElement>('details.facets-box');
    const open = prev ? prev.open : activeFacets(state).length > 0 || window.matchMedia('(min-width: 48rem)').matches;
    out.replaceChildren(renderSummary(ctx, r.response), renderFacets(ctx, r.response, open), renderResults(ctx, r.response));
    // One short sentence for screen readers; the list itself is not a live region.
    const res = r.response;
    status.classList.add('visually-hidden');
    status.textContent = res.total === 0 ? '没有找到结果' : res.mode === 'fuzzy' || res.mode === 'near' ? `没有完全匹配的任务，列出 ${res.total} 项相近结果` : `找到${res.countExact ? '' : '约'} ${res.total} 项任务`;
    out.setAttribute('aria-busy', r.final ? 'false' : 'true');
  };
  // Same engine on the page: for browsers without module workers (some in-app browsers).
  const onPage = (req: SearchRequest) => void import('./run-search').then(({ runSearch }) => runSearch(req, onReply));
  try {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<SearchReply>) => onReply(e.data);
    worker.onerror = () => {
      send = onPage;
      if (last) onPage(last);
    };
    send = (req) => worker.postMessage(req);
  } catch {
    send = onPage;
  }

  const run = () => {
    seq += 1;
    out.setAttribute('aria-busy', 'true');
    last = { id: seq, indexUrl, state };
    send(last);
  };
  const go = (next: SearchState, history: 'push' | 'replace' | 'none') => {
    state = next;
    const url = `${pagePath}${encodeState(state)}`;
    if (history === 'push' && url !== `${location.pathname}${location.search}`) window.history.pushState(null, '', url);
    if (history === 'replace') window.history.replaceState(null, '', url);
    if (history !== 'replace') typing = false;
    document.title = state.q ? `“${state.q}” · ${baseTitle}` : baseTitle;
    run();
  };

  input.value = state.q;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const first = !typing;
      go({ ...state, q: input.value, page: 1 }, first ? 'push' : 'replace');
      typing = true;
    }, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    go({ ...state, q: input.value, page: 1 }, 'push');
  });
  // Facet, suggestion and pager links carry their state; plain links still work without this.
  out.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-state]');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(decodeState(a.dataset.state ?? ''), 'push');
    if (a.closest('.pager')) out.scrollIntoView({ block: 'start' });
  });
  window.addEventListener('popstate', () => {
    const next = decodeState(location.search);
    input.value = next.q;
    if (isBare(next)) {
      state = next;
      seq += 1; // a reply still on its way is for the page left behind
      out.replaceChildren();
      out.setAttribute('aria-busy', 'false');
      status.textContent = '';
      document.title = baseTitle;
      return;
    }
    go(next, 'none');
  });
  root.classList.add('search-ready');
  // Nothing is pending on the bare page: say so (tests and assistive technology wait on aria-busy).
  if (isBare(state)) out.setAttribute('aria-busy', 'false');
  else go(state, 'none');
}
