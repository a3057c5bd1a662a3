// End to end: the .xlsx, .xls and .pdf made from 2023-m09, read as the ingest reads them (read-source.ts:
// format from the bytes, the reader, the canonical rendering) and parsed by the project's table parser, give
// the same 124 tasks as the seed text: numbers, stated statuses, units and leaders. The stand-in renderer
// (tests/helpers/canonical-lite.ts) they were first tested with is checked to agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reader } from '~/lib/ingest/readers';
import { pdfReader } from '~/lib/ingest/readers/pdf-reader';
import { xlsReader } from '~/lib/ingest/readers/xls-reader';
import { xlsxReader } from '~/lib/ingest/readers/xlsx-reader';
import { parseReport, type ParsedReport } from '~/lib/ingest/parse-report';
import { readSource } from '~/lib/ingest/read-source';
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

  it('gives the same through the real ingest path (readSource → canonical rendering → parser), with where per row', async () => {
    const bytes = fixtureBytes(name);
    const { reading } = await readSource(bytes, name);
    expect(reading!.format).toBe(name.split('.').pop());
    const parsed = parseReport(name, bytes, { kind: 'progress', reading: reading! });
    expect(summary(parsed)).toEqual(summary(seed));
    for (const r of parsed.rows) expect(parsed.where![r.startLine - 1], `row ${r.number}`).toMatch(/^(工作表|第\d+页)/);
  });
});
