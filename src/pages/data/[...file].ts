// Static download files: /data/<scope>/<table>.csv, /data/<scope>/dataset.json and /data/datapackage.json.
// datapackage.json comes last, so in practice every file has been measured as it was written.
import type { APIRoute, GetStaticPaths } from 'astro';
import { fileMeasures, loadDataset, loadDownloads, siteRoot } from '../../lib/opendata/astro-dataset';
import { toJson } from '../../lib/opendata/download-files';
import { sitePackage } from '../../lib/opendata/package-meta';

export const getStaticPaths = (async () => {
  const files = await loadDownloads();
  const d = await loadDataset();
  return [
    ...files.map((f) => ({ params: { file: f.path }, props: { render: () => fileMeasures.write(f), type: `${f.mediatype}; charset=utf-8` } })),
    { params: { file: 'datapackage.json' }, props: { render: () => toJson(sitePackage(files.map((f) => fileMeasures.describe(f)), d, siteRoot())), type: 'application/json; charset=utf-8' } },
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props.render as () => string)(), { headers: { 'Content-Type': props.type as string } });
