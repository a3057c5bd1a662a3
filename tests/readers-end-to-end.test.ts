// End to end before the real canonical renderer is wired in: the .xlsx, .xls and .pdf made from 2023-m09,
// rendered by the stand-in (tests/helpers/canonical-lite.ts) and parsed by the project's table parser, give
// the same 124 tasks as the seed text: numbers, stated statuses, units and leaders.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reader } from '~/lib/ingest/readers';
import { pdfReader } from '~/lib/ingest/readers/pdf-reader';
import { xlsReader } from '~/lib/ingest/readers/xls-reader';
import { xlsxReader } from '~/lib/ingest/readers/xlsx-reader';
import { parseReport, type ParsedReport } from '~/lib/ingest/parse-report';
import { renderLite } from './helpers/canonical-lite';
import { fixtureBytes, ROOT } from './helpers/reader-fixtures';

const summary = (p: ParsedReport) =>
  p.rows.map((r) => ({ number: r.number, sub: r.subIndex, status: r.status.status, units: r.units.map((u) => u.name), leaders: r.leaders.map((l) => l.name) }));
const seed = parseReport('2023-m09-progress.txt', new Uint8Array(readFileSync(join(ROOT, 'content/reports/linzi/2023-m09-progress.txt'))), { kind: 'progress' });

describe.each([
  ['linzi-2023-m09.xlsx', xlsxReader],
  ['linzi-2023-m09.xls', xlsReader],
  ['linzi-2023-m09.pdf', pdfReader],
] as [string, Reader][])('%s through the table parser', (name, reader) => {
  it('gives the seed’s 124 tasks with the same numbers, statuses, units and leaders', async () => {
    const doc = await reader.read(fixtureBytes(name), name);
    const text = renderLite(doc);
    const parsed = parseReport(`${name}.md`, new TextEncoder().encode(text), { kind: 'progress' });
    expect(parsed.layout).toBe('pipe');
    expect(seed.rows).toHaveLength(124);
    expect(summary(parsed)).toEqual(summary(seed));
    // Anything the parser could not place comes from the workbook's second sheet (汇总), which the
    // single-table parser does not yet read as a table of its own; nothing from the bulletin's table.
    const firstTableEnd = text.split('\n').findIndex((l, i, all) => l === '' && i > 5 && all[i - 1]!.startsWith('| 124 |')) + 1;
    expect(firstTableEnd).toBeGreaterThan(124);
    for (const a of parsed.anomalies) expect(a.line, a.message).toBeGreaterThan(firstTableEnd);
    if (name.endsWith('.pdf')) expect(parsed.anomalies).toEqual([]);
  });
});
