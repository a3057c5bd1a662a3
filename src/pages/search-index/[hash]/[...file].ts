// Static endpoints: every search index file, written into dist/search-index/<hash>/ by `npm run build`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteIndex } from '../../../lib/search/site-index';

export const getStaticPaths = (async () => {
  const { hash, files } = await siteIndex();
  return [...files].map(([file, body]) => ({ params: { hash, file }, props: { body } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
