// The verbatim source files, for download: a binary format (docx, xlsx, doc, xls, pdf) byte for byte, a
// text-like one (txt, md, html, htm) inside a .zip holding its exact bytes, so no copy of a published
// file can run as script or render as a page of this site (src/lib/source-files.ts). The readable form
// of every file is its source view page (source/<district>/<file>/).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { paths } from '~/lib/urls';
import { isZipped } from '~/lib/source-files';
import { zipVerbatim } from '~/lib/source-zip';
import { loadSite } from '~/lib/dataset/astro';
import { inSlice } from '~/lib/shards/in-slice';

export const getStaticPaths = (async () => {
  const ix = await loadSite();
  // One route per file (several reports never share a file today, but a route must not repeat).
  const byFile = new Map(ix.reports.filter(inSlice).map((r) => [r.source.file, r.source]));
  return [...byFile.values()].map((s) => ({
    params: { path: paths.source(s.file).replace(/^sources\//, '') },
    props: { file: s.file },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: string };
  // PORTAL_CONTENT_ROOT: the content was ingested from another root (tests build a site from fixtures).
  const bytes = await readFile(join(process.env.PORTAL_CONTENT_ROOT ?? '.', file));
  if (isZipped(file)) return new Response(Buffer.from(zipVerbatim(file, bytes)), { headers: { 'Content-Type': 'application/zip' } });
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
};
