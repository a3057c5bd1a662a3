// The verbatim source files, byte for byte, under /sources/<district>/<file>.txt, so every
// "file:line" on the portal can be checked against what the government published.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site/load';
import { paths } from '../../lib/urls';
import { sourceContentType } from '~/lib/source-format';

export const getStaticPaths = (async () => {
  const ix = await site();
  // One route per file (several reports never share a file today, but a route must not repeat).
  const byFile = new Map(ix.reports.map((r) => [r.source.file, r.source]));
  return [...byFile.values()].map((s) => ({
    params: { path: paths.source(s.file).replace(/^sources\//, '') },
    props: { file: s.file, contentType: sourceContentType(s) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file, contentType } = props as { file: string; contentType: string };
  // PORTAL_CONTENT_ROOT: the content was ingested from another root (tests build a site from fixtures).
  const bytes = await readFile(join(process.env.PORTAL_CONTENT_ROOT ?? '.', file));
  return new Response(bytes, { headers: { 'Content-Type': contentType } });
};
