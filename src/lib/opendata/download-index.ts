// What the /data/ page lists: download files grouped by scope, with sizes readers understand.
import type { ListedDownload } from './download-files';
import type { Scope } from './scopes';
import { TABLES } from './tables';

export interface ScopeDownloads { scope: Omit<Scope, 'data'>; files: { label: string; path: string; rows?: number; size?: string; sha256?: string }[] }

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Files grouped by scope, in the order they were rendered (all, then district → year → report). */
/** Sizes are shown where the files were measured (bytes given). */
export function groupByScope(files: (Pick<ListedDownload, 'path' | 'scope' | 'table' | 'rowCount'> & { bytes?: number; sha256?: string })[]): ScopeDownloads[] {
  const out: ScopeDownloads[] = [];
  for (const f of files) {
    let g = out.at(-1);
    if (!g || g.scope.dir !== f.scope.dir) out.push((g = { scope: f.scope, files: [] }));
    g.files.push({ label: f.table ? `${TABLES[f.table].title} CSV` : 'JSON', path: f.path, rows: f.rowCount, size: f.bytes === undefined ? undefined : formatBytes(f.bytes), sha256: f.sha256 });
  }
  return out;
}
