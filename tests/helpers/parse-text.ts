import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, type ParsedReport } from '~/lib/ingest/parse-report';
import { ROOT } from './repo-dataset';

export const enc = (s: string) => new TextEncoder().encode(s);

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
