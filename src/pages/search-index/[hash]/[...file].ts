// Static endpoints: every search index file, under search-index/<hash>/. The dev server serves them
// from here; `astro build` leaves them to src/lib/search/index-integration.ts when it is registered
// (one pass of plain writes instead of ~1 ms of route pipeline per file), else writes them here.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteIndex } from '../../../lib/search/site-index';
import { handoff } from '../../../lib/search/index-handoff';

export const getStaticPaths = (async () => {
  const { hash, files } = await siteIndex();
  if (!import.meta.env.DEV && handoff().writer) return [];
  return [...files].map(([file, body]) => ({ params: { hash, file }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
