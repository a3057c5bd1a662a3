// The verbatim source files, byte for byte, under /sources/<district>/<file>.txt, so every
// "file:line" on the portal can be checked against what the government published.
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site/load';
import { paths } from '../../lib/urls';

export const getStaticPaths = (async () => {
  const ix = await site();
  return ix.reports.map((r) => ({
    params: { path: paths.source(r.source.file).replace(/^sources\//, '') },
    props: { file: r.source.file, encoding: r.source.encoding, sha256: r.source.sha256 },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file, encoding } = props as { file: string; encoding: string };
  const bytes = await readFile(file);
  return new Response(bytes, { headers: { 'Content-Type': `text/plain; charset=${encoding}` } });
};
