// Everything /data/ shows (src/pages/data/index.astro): the whole-dataset files with their sizes, a row
// of files per district, year and report, and the verbatim sources.
import type { Dataset } from '../schema';
import { latestAsOf } from '../opendata/as-of';
import type { DownloadList } from '../opendata/download-files';
import { groupByScope, type ScopeDownloads } from '../opendata/download-index';
import { openDataPaths } from '../opendata/paths';
import { href } from '../urls';

/** The files of each scope's row, in column order: file name and what the cell is called for a screen reader. */
const SCOPE_COLUMNS = [['tasks.csv', '年度任务 CSV'], ['progress.csv', '进展 CSV'], ['anomalies.csv', '解析异常 CSV'], ['dataset.json', '全部 JSON']] as const;

export function dataPage(d: Dataset, downloads: DownloadList) {
  const districtName = new Map(d.districts.map((x) => [x.id, x.name]));
  // Sizes for the whole-dataset files only: measuring every file here would render the lot twice.
  const [all, ...rest] = groupByScope(downloads.files.map((f) => (f.scope.kind === 'all' ? downloads.describe(f) : f)));
  const dataHref = (p: string) => href(openDataPaths.file(p));
  const scopeRow = (g: ScopeDownloads) => {
    const name = g.scope.district === undefined ? '' : (districtName.get(g.scope.district) ?? '');
    return {
      kind: g.scope.kind,
      // A district's row stands out; its years and reports are named below it without repeating it.
      district: g.scope.kind === 'district',
      label: g.scope.kind === 'district' ? `${name}（全部年度）` : g.scope.kind === 'year' ? `${g.scope.year}年` : g.scope.label.replace(`${name} ${g.scope.year}年 `, ''),
      cells: SCOPE_COLUMNS.map(([table, what]) => {
        const f = g.files.find((x) => x.path.endsWith(`/${table}`));
        return f && { href: dataHref(f.path), label: `${g.scope.label} ${what}`, text: f.rows !== undefined ? `${f.rows} 行` : 'JSON' };
      }),
    };
  };
  return {
    asOf: latestAsOf(d.reports),
    districts: d.districts,
    all,
    scopes: rest.map(scopeRow),
    dataHref,
    sources: d.reports.map((report) => ({ report, district: districtName.get(report.district) })),
  };
}
