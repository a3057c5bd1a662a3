// Parse a work-report fixture the way the ingest does (bytes → decoded canonical lines → work report),
// and the slice of it a golden file holds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '~/lib/ingest/parse-report';
import { parseWorkReport } from '~/lib/workreport';
import { workReportPoints } from '~/lib/indicators/build-points';
import { ROOT } from './repo-dataset';

const FIXTURES = 'tests/fixtures/workreports';

export function parseFixture(name: string) {
  const file = `${FIXTURES}/${name}`;
  const parsed = parseReport(file, readFileSync(join(ROOT, file)), { kind: 'work-report' });
  const report = parseWorkReport(parsed.lines, file);
  const year = report.meta.year ?? 0;
  const points = workReportPoints(report, { district: 'x', year, reportId: `x-${year}-work-report` }, file, parsed.lines);
  return { parsed, report, points };
}

/** What a golden file holds: structure, every item with its lines and targets, every indicator point. */
export function goldenSlice(name: string) {
  const { parsed, report, points } = parseFixture(name);
  return {
    lineCount: parsed.lines.length,
    meta: report.meta,
    parts: report.parts,
    areas: report.areas,
    annexes: report.annexes,
    items: report.items.map((i) => ({
      kind: i.kind,
      title: i.title,
      area: `${i.area.numeral}${i.area.label}`,
      ...(i.projectNumber !== undefined ? { projectNumber: i.projectNumber } : {}),
      ...(i.candidate ? { candidate: true } : {}),
      lines: i.source.lines,
      text: i.body.text,
      targets: i.targets.map((t) => `${t.match}${t.sharedQualifier ? '（共用限定词）' : ''}｜${t.phrase}`),
    })),
    indicators: points.map((p) => ({
      indicator: p.indicator, role: p.role, year: p.year, value: p.value ?? null,
      ...(p.valueTo !== undefined ? { valueTo: p.valueTo } : {}),
      ...(p.unit ? { unit: p.unit } : {}),
      ...(p.comparatorText ? { comparatorText: p.comparatorText } : {}),
      ...(p.sharedQualifier ? { sharedQualifier: true } : {}),
      forecast: p.forecast, lines: p.source.lines, phrase: p.phrase,
    })),
    issues: report.issues,
  };
}
