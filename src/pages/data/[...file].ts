// Static download files: /data/<scope>/<table>.csv, /data/<scope>/dataset.json and /data/datapackage.json.
// The dev server serves every file from here; `astro build` leaves the CSV and JSON files to the build
// worker (src/lib/build-worker/) when it is registered (one pass of plain writes on a second thread
// instead of ~1 ms of route pipeline per file), else writes them here. Either way the bytes are the
// pieces datapackage.json and the pages measured.
import type { APIRoute, GetStaticPaths } from 'astro';
import { bodyOf, toJson } from '~/lib/opendata/download-files';
import { buildWork } from '~/lib/build-worker/handoff';
import { sitePackage } from '~/lib/opendata/package-meta';
import { loadSorted } from '~/lib/dataset/astro';
import { loadDownloadList, loadDownloads } from '~/lib/opendata/load-downloads';
import { siteRoot } from '~/lib/site/address';
import { globalInSlice } from '~/lib/shards/in-slice';

export const getStaticPaths = (async () => {
  const d = await loadSorted();
  // With the build worker, it writes the files; the pages only list and describe them.
  const downloads = buildWork().downloads ? undefined : await loadDownloads();
  const list = await loadDownloadList();
  return [
    ...(downloads?.files ?? []).map((f) => ({ params: { file: f.path }, props: { render: () => bodyOf(downloads!.write(f)), type: `${f.mediatype}; charset=utf-8` } })),
    ...(globalInSlice() ? [{ params: { file: 'datapackage.json' }, props: { render: () => toJson(sitePackage(list.files.map((f) => list.describe(f)), d, siteRoot())), type: 'application/json; charset=utf-8' } }] : []),
  ];
}) satisfies GetStaticPaths;

// Bytes, not a string, where we have them: the files are already UTF-8, so nothing encodes them again.
export const GET: APIRoute = ({ props }) => new Response((props.render as () => ReadableStream<Uint8Array> | string)(), { headers: { 'Content-Type': props.type as string } });
