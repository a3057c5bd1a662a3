// Oversized input gets a clear file:line error or an anomaly, and what a page shows is bounded
// (limits in src/lib/limits.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../src/lib/ingest/build-dataset';
import { loadInputs } from '../src/lib/ingest/load-inputs';
import { ProblemError } from '~/lib/problems';
import { markdownDepth, markupDepth } from '../src/lib/ingest/nesting';
import { boundedSlug } from '../src/lib/ingest/slug';
import { ANOMALIES_PER_REPORT_MAX, ANOMALIES_SHOWN_PER_REPORT, SLUG_MAX } from '../src/lib/limits';
import { summariseAnomalies } from '../src/lib/site/anomaly-summary';
import type { Anomaly } from '../src/lib/schema';
import { BULLETIN, oversizeRoot, TASK5_LINE, type Oversize } from './helpers/oversize-content';
import { ROOT } from './helpers/repo-dataset';
import { astroBuild, childEnv } from './helpers/child-env';

function ingestIn(root: string) {
  const { inputs, problems } = loadInputs(root);
  if (!inputs) throw new ProblemError(problems);
  return buildDataset({ ...inputs, readFile: (rel) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel)) : undefined) });
}
const roots: string[] = [];
afterAll(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));
/** An oversized content root, removed when the file's tests end. */
const rootOf = (o: Oversize) => {
  const root = oversizeRoot(o);
  roots.push(root);
  return root;
};
const ingest = (o: Oversize) => ingestIn(rootOf(o));

describe('oversized input at ingest', () => {
  it('a million stray lines: refused with file:line and counts, not a million anomalies', { timeout: 120_000 }, () => {
    const { problems } = ingest({ strayLines: 1_000_000 });
    expect(problems).toEqual([
      {
        file: BULLETIN,
        line: 186,
        message: expect.stringMatching(new RegExp(`^有 1000000 处无法整理（outside-table 1000000），超过每份文件 ${ANOMALIES_PER_REPORT_MAX} 处的上限`)),
        hint: expect.stringContaining('第一处在第 186 行'),
      },
    ]);
  });

  it('stray lines under the limit stay anomalies, each with its line', () => {
    const { problems, dataset } = ingest({ strayLines: 1500 });
    expect(problems).toEqual([]);
    expect(dataset.anomalies.filter((a) => a.kind === 'outside-table')).toHaveLength(1500);
  });

  it('a 10,000-character unit name: kept as printed, flagged too-long at its line, with a bounded URL slug', () => {
    const { problems, dataset } = ingest({ unitNameChars: 10_000 });
    expect(problems).toEqual([]);
    const unit = dataset.units.find((u) => u.name.length === 10_000)!;
    expect(unit.id.length).toBeLessThanOrEqual('linzi-'.length + SLUG_MAX);
    expect(dataset.anomalies).toContainEqual(expect.objectContaining({ kind: 'too-long', line: TASK5_LINE, file: BULLETIN }));
    expect(Math.max(...dataset.units.map((u) => u.id.length), ...dataset.leaders.map((l) => l.id.length))).toBeLessThanOrEqual(6 + SLUG_MAX);
  });

  it('10,000 nested tags: a file:line error, not a stack overflow', () => {
    const { problems } = ingest({ nestedTags: 10_000 });
    expect(problems).toEqual([{ file: BULLETIN, line: TASK5_LINE, message: expect.stringMatching(/^单元格中的标记嵌套了 10000 层，超过 100 层的上限/), hint: '请对照原件重新导出该文件。' }]);
    expect(markupDepth('<b>a<br>b<sup>1</sup></b><p>x</p>')).toBe(2);
  });

  it('a work report with emphasis or lists nested 10,000 deep: a file:line error, not a stack overflow', () => {
    const wr = 'content/reports/zhangdian/2021-work-report.txt';
    const { inputs } = loadInputs(ROOT);
    const real = readFileSync(join(ROOT, wr), 'utf8');
    const lines = real.split('\n');
    const at = lines.findIndex((l) => l.includes('各位代表')) + 1;
    for (const [deep, depth] of [[`${'*'.repeat(10_000)}各位代表${'*'.repeat(10_000)}`, 10_000], [`${'>'.repeat(10_000)} 各位代表`, 10_000]] as const) {
      const text = real.replace(/各位代表/, deep);
      const { problems } = buildDataset({ ...inputs!, readFile: (rel) => (rel === wr ? Buffer.from(text) : existsSync(join(ROOT, rel)) ? readFileSync(join(ROOT, rel)) : undefined) });
      expect(problems).toEqual([{ file: wr, line: at, message: expect.stringMatching(new RegExp(`^这一行的 Markdown 嵌套.*可达 ${depth} 层，超过 100 层的上限`)), hint: expect.stringMatching(/^请/) }]);
    }
    // every real document is far below the limit
    for (const f of ['content/reports/zhangdian/2021-work-report.txt', 'content/reports/linzi/2023-m09-progress.txt']) {
      expect(Math.max(...readFileSync(join(ROOT, f), 'utf8').split('\n').map(markdownDepth))).toBeLessThan(10);
    }
  });

  it('bounded slugs keep distinct long names distinct', () => {
    const a = boundedSlug(`${'qu-'.repeat(40)}a`);
    const b = boundedSlug(`${'qu-'.repeat(40)}b`);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(boundedSlug('qu-fa-gai-ju')).toBe('qu-fa-gai-ju');
  });
});

describe('what a page shows', () => {
  it('summariseAnomalies: counts every kind, shows the first few, cuts long verbatim lines', () => {
    const a = (i: number, kind: Anomaly['kind'], verbatim = 'x'): Anomaly => ({ id: `r-L${i}`, reportId: 'r', file: 'f', line: i, kind, message: 'm', verbatim });
    const items = [...Array.from({ length: 300 }, (_, i) => a(i + 1, 'outside-table', i === 0 ? '长'.repeat(5000) : 'x')), a(400, 'numbering-gap')];
    const s = summariseAnomalies(items);
    expect(s.shown).toHaveLength(ANOMALIES_SHOWN_PER_REPORT);
    expect(s.hidden).toBe(301 - ANOMALIES_SHOWN_PER_REPORT);
    expect(s.byKind).toEqual([['outside-table', 300], ['numbering-gap', 1]]);
    expect(s.shown[0]!.verbatim.length).toBe(2000);
    expect(s.shown[0]!.verbatimCut).toBe(3000);
  });

  it('a site from a report with 1,500 anomalies and a 10,000-character unit name builds, with bounded pages', { timeout: 300_000 }, () => {
    const root = rootOf({ strayLines: 1500, unitNameChars: 10_000 });
    const data = join(root, 'generated');
    const dist = join(root, 'dist');
    const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, env: childEnv({ PORTAL_DATA_DIR: data, PORTAL_CONTENT_ROOT: root }), encoding: 'utf8' });
    expect(run(['--import', 'tsx', 'scripts/ingest.ts', '--root', root, '--out', data]).status).toBe(0);
    const b = astroBuild(dist, { PORTAL_DATA_DIR: data, PORTAL_CONTENT_ROOT: root });
    expect(b.status, b.stderr.slice(-2000)).toBe(0);
    const quality = readFileSync(join(dist, 'quality/index.html'), 'utf8');
    const report = readFileSync(join(dist, 'linzi/2023/m09/index.html'), 'utf8');
    for (const page of [quality, report]) {
      expect(page.match(/<li id="linzi-2023-m09-L/g)).toHaveLength(ANOMALIES_SHOWN_PER_REPORT);
      expect(page).toContain(`另有 ${1502 - ANOMALIES_SHOWN_PER_REPORT} 条未在此列出`);
      expect(page).toContain('href="/data/linzi/2023/m09/anomalies.csv"');
    }
    expect(statSync(join(dist, 'quality/index.html')).size).toBeLessThan(200_000);
    const csv = readFileSync(join(dist, 'data/linzi/2023/m09/anomalies.csv'), 'utf8');
    expect(csv.split('\r\n').filter((l) => l.includes('outside-table'))).toHaveLength(1500);
  });
});
