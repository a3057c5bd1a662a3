// The download files of this build, for the endpoints under /data/ and the pages that show sizes.
import { loadDataset } from '../dataset/astro';
import { buildWork } from '../build-worker/handoff';
import { siteRoot } from '../site/address';
import { DescribedDownloads, Downloads, type DownloadList } from './download-files';

let files: Promise<Downloads> | undefined;

/**
 * Every download file, described; put together only when written or measured. Its bytes and SHA-256
 * are shared by the endpoints, datapackage.json and the pages that show sizes, so each file is measured once.
 * In `astro build` the build worker has written and measured them (src/lib/build-worker/); the pages only
 * describe them.
 */
export function loadDownloads(): Promise<Downloads> {
  files ??= Promise.all([loadDataset(), buildWork().downloads]).then(([d, measured]) => new Downloads(d, siteRoot(), measured));
  return files;
}

/**
 * Every download file, listed and described on request: what /data/ and datapackage.json show. In the
 * global shard the build worker describes them (it holds the rows, the shard's pages hold none).
 */
export function loadDownloadList(): Promise<DownloadList> {
  const list = buildWork().downloadList;
  return list ? list.then((l) => new DescribedDownloads(l)) : loadDownloads();
}
