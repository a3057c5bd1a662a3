import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDataset } from '~/lib/ingest/build-dataset';
import { parseReport, type ParsedReport } from '~/lib/ingest/parse-report';
import { ROOT } from './repo-dataset';

const enc = (s: string) => new TextEncoder().encode(s);

/** Parse text as a file would be parsed (kind from the text unless given). */
export function parseText(text: string, kind?: 'progress' | 'breakdown', file = 'variant.txt'): ParsedReport {
  return parseReport(file, enc(text), kind ? { kind } : {});
}

export function readRealSample(name: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures/real', name), 'utf8');
}

/** What a row says, compactly, for assertions and golden files. */
export function rowEssence(p: ParsedReport) {
  return p.rows.map((r) => ({
    table: r.table, number: r.number, sub: r.subIndex, lines: [r.startLine, r.endLine],
    pledge: r.pledge?.text, ...(r.subGoal ? { subGoal: r.subGoal.text } : {}), ...(r.result ? { result: r.result.text } : {}),
    status: r.status, units: r.units.map((u) => `${u.name}/${u.role}`), leaders: r.leaders.map((l) => l.name),
    ...(r.extra.length ? { extra: r.extra } : {}), ...(r.group ? { group: r.group } : {}),
  }));
}

/** A one-report dataset from a text, as the ingest would build it (district ceshi, year 2022). */
export function datasetOf(text: string, kind: 'progress' | 'breakdown' = 'breakdown') {
  return buildDataset({
    districts: [{ id: 'ceshi', name: '测试区', shortName: '测试', city: '测试市', province: '测试省' }],
    manifest: [{ file: 'ceshi/2022-year.txt', district: 'ceshi', year: 2022, kind, period: kind === 'progress' ? 'Q3' : 'year', title: '测试' }],
    unitAliases: {}, leaderAliases: {},
    readFile: (rel) => (rel.endsWith('ceshi/2022-year.txt') ? enc(text) : undefined),
  });
}
