// Static endpoints: every search index file, under search-index/<hash>/. The dev server serves them
// from here; `astro build` leaves them to the build worker (src/lib/build-worker/) when it is
// registered (one pass of plain writes on a second thread instead of ~1 ms of route pipeline per
// file), else writes them here.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteIndex } from '~/lib/search/site-index';
import { buildWork } from '~/lib/build-worker/handoff';

export const getStaticPaths = (async () => {
  if (buildWork().searchIndex) return [];
  const { hash, files } = await siteIndex();
  return [...files].map(([file, body]) => ({ params: { hash, file }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
