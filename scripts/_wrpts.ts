import { readFileSync } from 'node:fs';
import { parseWorkReport } from '../src/lib/workreport';
import { workReportPoints } from '../src/lib/indicators/build-points';
const WR = process.argv[2] ?? 'content/reports/zhangdian/2021-work-report.txt';
const year = Number(process.argv[3] ?? 2021);
const lines = readFileSync(WR, 'utf8').split('\n');
for (const p of workReportPoints(parseWorkReport(lines, WR), { district: 'x', year, reportId: 'x' }, WR, lines))
  console.log(p.indicator, p.role, p.year, p.value, p.valueTo ?? '', p.unit ?? '', p.comparatorText ?? '', p.sharedQualifier ? 'S' : '', p.source.lines.join('-'), p.phrase.slice(0, 50));
