// Names exactly as printed: an unconfirmed leader name never becomes a person with a page; a unit is
// 牵头 only where the document prints it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '~/lib/ingest/build-dataset';
import { loadInputs } from '~/lib/ingest/load-inputs';
import { parseReport } from '~/lib/ingest/parse-report';
import { indexInput } from '~/lib/search/index-input';
import { ROOT, repoDataset } from './helpers/repo-dataset';

const M09 = 'content/reports/linzi/2023-m09-progress.txt';

/** The repository's dataset with one source file's text edited. */
function datasetWith(file: string, edit: (text: string) => string) {
  const { inputs } = loadInputs(ROOT);
  return buildDataset({
    ...inputs!,
    readFile: (rel) => {
      if (!existsSync(join(ROOT, rel))) return undefined;
      const bytes = readFileSync(join(ROOT, rel));
      return rel === file ? Buffer.from(edit(bytes.toString('utf8')), 'utf8') : bytes;
    },
  }).dataset;
}

describe('an unconfirmed leader name', () => {
  const d = repoDataset().dataset;

  it('崔贊晋 (2023-m09 line 133) is kept as printed, flagged, and is no person', () => {
    expect(d.leaders.map((l) => l.name)).not.toContain('崔贊晋');
    const row = d.progress.find((p) => p.uncertainLeaders?.some((l) => l.printed === '崔贊晋'))!;
    expect(row.source.lines[0]).toBe(133);
    expect(row.leaders).toEqual([]);
    expect(row.leadersPrinted).toBe('崔贊晋');
    expect(row.uncertainLeaders).toEqual([{ name: '崔贊晋', printed: '崔贊晋', anomalyId: 'linzi-2023-m09-L133-unknown-name' }]);
    expect(d.tasks.find((t) => t.id === row.taskId)!.leaderIds).toEqual([]);
    // Searchable as printed, marked 存疑 where the result lists it.
    const doc = indexInput(d).docs.find((x) => x.id === row.taskId)!;
    expect(doc.fields.find(([kind]) => kind === 'leader')?.[2]).toBe('崔贊晋（存疑）');
  });

  it('every unknown-name anomaly is an uncertain name on its row and no leader entity', () => {
    const anomalies = new Map(d.anomalies.map((a) => [a.id, a]));
    const flagged = d.progress.flatMap((p) => p.uncertainLeaders ?? []);
    expect(flagged.length).toBe(d.anomalies.filter((a) => a.kind === 'unknown-name').length);
    for (const l of flagged) {
      expect(anomalies.get(l.anomalyId)?.kind).toBe('unknown-name');
      expect(d.leaders.some((x) => x.name === l.name || x.variants.includes(l.printed))).toBe(false);
    }
  });

  it('two misprints in one cell, beside a known name: each flagged with its own anomaly, the known one kept', () => {
    // Line 133's leader cell becomes "郭克华 王 某某 崔贊晋" (a known name, a broken unknown one, the misprint).
    const e = datasetWith(M09, (t) => t.replace('\t崔贊晋\t', '\t郭克华 王 某某 崔贊晋\t'));
    const row = e.progress.find((p) => p.source.lines[0] === 133 && p.reportId === 'linzi-2023-m09')!;
    expect(row.leaders.map((l) => l.name)).toEqual(['郭克华']);
    expect(row.uncertainLeaders!.map((l) => [l.printed, l.anomalyId])).toEqual([
      ['王 某某', 'linzi-2023-m09-L133-unknown-name'],
      ['崔贊晋', 'linzi-2023-m09-L133-unknown-name-2'],
    ]);
    expect(e.anomalies.filter((a) => a.line === 133 && a.kind === 'unknown-name').map((a) => a.id)).toEqual(['linzi-2023-m09-L133-unknown-name', 'linzi-2023-m09-L133-unknown-name-2']);
    expect(e.leaders.map((l) => l.name)).not.toContain('王某某');
  });
});

describe('a unit is 牵头 only where the document prints it', () => {
  const d = repoDataset().dataset;

  it('a sole unit is a 责任单位 (张店 2020 has no lead marks left; 临淄 sole units were never marked)', () => {
    const sole = d.progress.filter((p) => p.units.length === 1 && !/牵\s*头/.test(p.unitsPrinted));
    expect(sole.length).toBeGreaterThan(100);
    for (const p of sole) expect(p.units[0]!.role, p.id).toBe('unmarked');
  });

  it('every lead unit in the dataset has 牵头 printed beside it', () => {
    const leads = d.progress.flatMap((p) => p.units.filter((u) => u.role === 'lead').map((u) => ({ p, u })));
    expect(leads.length).toBeGreaterThan(20);
    for (const { p, u } of leads) expect(/牵\s*头/.test(u.printed) || new RegExp(`${u.printed}\\s*牵\\s*头`).test(p.unitsPrinted.replace(/\s+/g, '')), `${p.id} ${u.printed}`).toBe(true);
  });

  it('the lead units of a task are only marked ones', () => {
    const z2020 = d.tasks.filter((t) => t.district === 'zhangdian' && t.year === 2020);
    const marked = new Set(d.progress.filter((p) => p.reportId === 'zhangdian-2020-q2').flatMap((p) => p.units.filter((u) => /牵\s*头/.test(u.printed)).map((u) => u.unitId)));
    for (const t of z2020) for (const id of t.leadUnitIds) expect(marked.has(id), `${t.id} ${id}`).toBe(true);
  });
});

describe('a convention the document states', () => {
  const table = (unitsHeader: string) =>
    parseReport('t.txt', new TextEncoder().encode([
      '2022年区政府工作报告目标任务分解表',
      `序号\t工作任务\t第三季度目标\t${unitsHeader}`,
      '1\t新建5G基站150座。\t新建60座。\t区经信委',
      '2\t完成老旧小区改造。\t完成设计。\t区住建委（牵头） 区财政局',
    ].join('\n')), { kind: 'breakdown' }).rows.map((r) => r.units.map((u) => `${u.name}/${u.role}`));

  it('a column headed 牵头单位 marks its units as lead; under 责任单位 a sole unit is a 责任单位', () => {
    expect(table('牵头单位')).toEqual([['区经信委/lead'], ['区住建委/lead', '区财政局/assist']]);
    expect(table('责任单位')).toEqual([['区经信委/unmarked'], ['区住建委/lead', '区财政局/assist']]);
  });
});
