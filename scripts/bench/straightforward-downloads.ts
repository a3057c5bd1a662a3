// The download files as they were rendered before pieces (download-files.ts before the data-speed
// branch): each file on its own, the scope's table through one csv-stringify call and the scope's
// slice through one JSON.stringify. The oracle for tests/opendata-bytes.test.ts and the baseline of
// `npm run bench:downloads`.
import { stringify } from 'csv-stringify/sync';
import { excelSafe } from '~/lib/opendata/csv';
import { SCOPE_TABLES, scopesOf, scopeFile, type Scope } from '~/lib/opendata/scopes';
import { TABLES, rowsOf, type RowContext, type TableDef } from '~/lib/opendata/tables';
import { indexDataset } from '~/lib/dataset/site-index';
import { sortDataset } from '~/lib/dataset/order';
import type { Dataset } from '~/lib/dataset/collections';

export interface PlainFile { path: string; scope: Scope; render: () => string }

export function straightforwardFiles(dataset: Dataset, siteRoot: string): PlainFile[] {
  const d = sortDataset(dataset);
  const ctx: RowContext = { index: indexDataset(d), siteRoot };
  const out: PlainFile[] = [];
  for (const scope of scopesOf(d)) {
    for (const name of SCOPE_TABLES[scope.kind]) {
      const table = TABLES[name] as TableDef<never>;
      const entities = (scope.data[name] ?? []) as never[];
      out.push({
        path: scopeFile(scope, `${name}.csv`), scope,
        render: () => {
          const rows = rowsOf(table, entities, ctx).map((r) => r.map((v) => (v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : typeof v === 'string' ? excelSafe(v) : v)));
          return stringify([table.columns.map((c) => c.title), ...rows], { bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
        },
      });
    }
    out.push({
      path: scopeFile(scope, 'dataset.json'), scope,
      render: () => {
        const json: Record<string, unknown> = { scope: scope.dir, label: scope.label };
        for (const name of SCOPE_TABLES[scope.kind]) json[name] = scope.data[name] ?? [];
        return `${JSON.stringify(json)}\n`;
      },
    });
  }
  return out;
}
