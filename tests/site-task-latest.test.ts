import { describe, expect, test } from 'vitest';
import { latestSentence } from '~/lib/site/task-latest';
import { repoDataset } from './helpers/repo-dataset';

const { dataset } = repoDataset();
const report = (id: string) => dataset.reports.find((r) => r.id === id)!;
const sentence = (taskId: string) => {
  const t = dataset.tasks.find((x) => x.id === taskId)!;
  const latest = dataset.reports.find((r) => r.id === t.latestReportId);
  const row = dataset.progress.find((p) => p.taskId === t.id && p.reportId === t.latestReportId && p.subIndex === 0);
  return latestSentence(t, latest, row, dataset.reports.filter((r) => r.district === t.district && r.year === t.year));
};

describe('the task page’s first sentence', () => {
  test('a monthly bulletin: its stated status, and the next month due 10 days after it ends', () => {
    expect(report('linzi-2023-m09').periods).toEqual(['M9']);
    const t = dataset.progress.find((p) => p.reportId === 'linzi-2023-m09' && p.status === 'notDone' && p.statusSource === 'stated')!;
    expect(sentence(t.taskId)).toBe(`最新一期（2023年9月完成情况通报）写明“${t.statusPhrase ?? '未完成'}”；下一期（2023年10月）通报按期末后 10 日推算应于 2023-11-10 前后发布，本站尚未收录。`);
  });

  test('an inferred status is said to be ours, never the government’s word', () => {
    const p = dataset.progress.find((x) => x.reportId === 'linzi-2021-q3' && x.statusSource === 'inferred' && x.subIndex === 0)!;
    expect(sentence(p.taskId)).toMatch(/^最新一期（2021年第三季度完成情况通报）未写明状态，本站据其措辞推断为“.+”；下一期（2021年第四季度）通报按期末后 10 日推算应于 2022-01-10 前后发布，本站尚未收录。$/);
  });

  test('a work-report pledge with no bulletin says so, with when the first was due', () => {
    const t = dataset.tasks.find((x) => x.id.startsWith('zhangdian-2021-'))!;
    expect(sentence(t.id)).toBe('这项任务出自2021年政府工作报告，只有目标；本站尚未收录报告它进展的完成情况通报（2021年第一季度的通报按期末后 10 日推算应于 2021-04-10 前后发布）。');
  });
});
