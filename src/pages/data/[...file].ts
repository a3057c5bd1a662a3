// Static download files: /data/<scope>/<table>.csv, /data/<scope>/dataset.json and /data/datapackage.json.
// datapackage.json comes last, so in practice every file has been measured as it was written.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset, loadDownloads, siteRoot } from '../../lib/opendata/astro-dataset';
import { bodyOf, toJson } from '../../lib/opendata/download-files';
import { sitePackage } from '../../lib/opendata/package-meta';

export const getStaticPaths = (async () => {
  const downloads = await loadDownloads();
  const d = await loadDataset();
  return [
    ...downloads.files.map((f) => ({ params: { file: f.path }, props: { render: () => bodyOf(downloads.write(f)), type: `${f.mediatype}; charset=utf-8` } })),
    { params: { file: 'datapackage.json' }, props: { render: () => toJson(sitePackage(downloads.files.map((f) => downloads.describe(f)), d, siteRoot())), type: 'application/json; charset=utf-8' } },
  ];
}) satisfies GetStaticPaths;

// Bytes, not a string, where we have them: the files are already UTF-8, so nothing encodes them again.
export const GET: APIRoute = ({ props }) => new Response((props.render as () => ReadableStream<Uint8Array> | string)(), { headers: { 'Content-Type': props.type as string } });
