// Page-weight targets (README, "Browser checks and page budgets"). bench:pages prints measurements against them; the e2e test fails only
// at FAIL_FACTOR times a target, so ordinary growth is seen in the bench, not as a red build.
export const TARGET = {
  /** A task page without search: HTML + CSS + JS, gzipped. */
  taskPageKB: 30,
  /** JavaScript on any page, gzipped (the search page's worker included). */
  jsPerPageKB: 100,
} as const;
export const FAIL_FACTOR = 2;
/** Where the search index lives in dist/ (src/lib/search/site-index.ts writes it there). */
export const INDEX_PATH = '/search-index/';
