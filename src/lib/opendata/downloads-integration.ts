// Writes the download files (dist/data/<scope>/<table>.csv, …/dataset.json) at the end of `astro
// build`, in one pass with plain synchronous writes. As ~6,600 endpoint routes at 100× the dataset
// they cost ~1 ms each in Astro's per-route pipeline (request, Response read into one more buffer,
// async mkdir + write, log line). The dev server still serves them from src/pages/data/[...file].ts,
// which also writes them when this integration is not registered. datapackage.json and /data/ stay
// pages: they describe the files, measured once from the same pieces these writes use.
import { closeSync, mkdirSync, openSync, writevSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Downloads } from './download-files';
import { afterBuildWriter } from '../build-handoff';
import { handoff } from './downloads-handoff';

export default function downloadsWriter(): AstroIntegration {
  return afterBuildWriter({
    name: 'pledge-portal:downloads',
    slot: handoff,
    missing: 'opendata: 构建没有生成下载文件清单（src/lib/opendata/astro-dataset.ts 的 loadDownloads()）；/data/ 下将没有 CSV 和 JSON。',
    write: (outDir, downloads) => `${downloads.files.length} download files in data/ (${(writeDownloads(outDir, downloads) / 1e6).toFixed(1)} MB)`,
  });
}

/** Write every download file under <outDir>/data/ from its pieces (no joined copy). Returns the bytes written. */
export function writeDownloads(outDir: string, downloads: Downloads): number {
  const made = new Set<string>();
  let total = 0;
  for (const f of downloads.files) {
    const path = join(outDir, 'data', f.path);
    const parent = dirname(path);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    total += writeParts(path, downloads.write(f));
  }
  return total;
}

function writeParts(path: string, parts: Uint8Array[]): number {
  const fd = openSync(path, 'w');
  try {
    let total = 0;
    let rest = parts.filter((p) => p.length > 0);
    while (rest.length) {
      // writev may write less than asked (very large files): drop what was written and go on.
      let n = writevSync(fd, rest);
      total += n;
      while (rest.length && n >= rest[0]!.length) n -= rest.shift()!.length;
      if (n > 0) rest[0] = rest[0]!.subarray(n);
    }
    return total;
  } finally {
    closeSync(fd);
  }
}
