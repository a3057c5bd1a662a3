// The seed dataset with every class of hostile content (tests/helpers/hostile-payloads.ts) in every string
// field a page can show: names, titles, pledges, targets, results, units, leaders, anomalies, verbatim
// source lines, the source renderings. Identifiers, enum values, file paths and hashes keep their values
// (they are not content: they decide routes and are validated by the ingest). Rich text goes through the
// ingest's sanitiser, as all rich text does, so its `html` is what the ingest would have written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '~/lib/schema';
import type { Rendering } from '~/lib/schema/rendering';
import { toRichText } from '~/lib/ingest/rich-text';
import { renderingOf } from '~/lib/ingest/renderings';
import { hostile } from './hostile-payloads';
import { repoDataset } from './repo-dataset';

/** Keys whose string values are identifiers, enums, paths, dates or hashes, not shown content. */
const STRUCTURAL = new Set([
  'id', 'slug', 'district', 'kind', 'periods', 'period', 'file', 'publicPath', 'sha256', 'encoding', 'lineEnding',
  'layout', 'key', 'taskIds', 'progressIds', 'unitIds', 'leadUnitIds', 'leaderIds', 'latestStatus', 'latestStatusSource',
  'latestReportId', 'taskId', 'reportId', 'status', 'statusSource', 'unitId', 'role', 'via', 'leaderId', 'date', 'origin',
  'comparator', 'direction', 'indicator', 'format',
]);

const isRichText = (v: unknown): v is { text: string; html: string } =>
  typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string' && typeof (v as { html?: unknown }).html === 'string';

function mutate(v: unknown, key: string): unknown {
  if (STRUCTURAL.has(key)) return v;
  if (typeof v === 'string') return hostile(v);
  if (Array.isArray(v)) return v.map((x) => mutate(x, key));
  if (isRichText(v)) {
    const rest = mutate(Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'text' && k !== 'html')), key) as object;
    // The html is the sanitiser's output for hostile raw cell markup, exactly as the ingest produces it.
    return { ...rest, text: hostile(v.text), html: toRichText(hostile(v.html)).html };
  }
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mutate(x, k)]));
  return v;
}

export function hostileDataset(): { dataset: Dataset; renderings: Rendering[] } {
  const { dataset, parsed } = repoDataset();
  const out = Object.fromEntries(Object.entries(dataset).map(([name, rows]) => [name, (rows as unknown[]).map((r) => mutate(r, ''))])) as unknown as Dataset;
  const renderings = parsed.map((p) => {
    const r = renderingOf(p.report, p.parsed);
    return { ...r, lines: r.lines.map(hostile), where: r.where.map((w, i) => (i % 2 === 0 ? hostile(w ?? '第1页第1行') : w)) };
  });
  return { dataset: out, renderings };
}

/** Write the hostile dataset as a PORTAL_DATA_DIR. */
export function writeHostileDataset(dir: string): { dataset: Dataset; renderings: Rendering[] } {
  const made = hostileDataset();
  mkdirSync(join(dir, 'renderings'), { recursive: true });
  for (const [name, rows] of Object.entries(made.dataset)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(rows));
  for (const r of made.renderings) writeFileSync(join(dir, 'renderings', `${r.reportId}.json`), JSON.stringify(r));
  return made;
}
