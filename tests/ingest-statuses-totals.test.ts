// The words real bulletins use for a status, stated only in the status position; and the totals a document
// states about itself, compared with the rows counted.
import { describe, expect, it } from 'vitest';
import { readStatedStatus, statusOfPhrase } from '~/lib/ingest/stated-status';
import { readReportedTotals } from '~/lib/ingest/reported-totals';
import { readStatus } from '~/lib/ingest/status';
import { STATUS_COLOURS } from '~/lib/charts/palette';
import { STATUS_DEFINITIONS, STATUS_LABELS, STATUS_ORDER, emptyStatusCounts, statusSchema } from '~/lib/schema';
import { parseText } from './helpers/parse-text';
import { readRepoFile } from './helpers/repo-dataset';

describe('stated status words', () => {
  it.each([
    ['有序推进。项目主体完工。', 'onTrack', '有序推进'],
    ['有序推进中，已完成投资3亿元', 'onTrack', '有序推进中'],
    ['按序时推进：完成设计', 'onTrack', '按序时推进'],
    ['按序时进度推进。', 'onTrack', '按序时进度推进'],
    ['正常推进，已开工', 'onTrack', '正常推进'],
    ['序时推进。', 'onTrack', '序时推进'],
    ['超序时推进：已完成全年的80%', 'onTrack', '超序时推进'],
    ['未按序时推进。', 'behind', '未按序时推进'],
    ['进展顺利。', 'onTrack', '进展顺利'],
    ['【滞后】征地未完成', 'behind', '滞后'],
    ['进度滞后。资金未到位', 'behind', '进度滞后'],
    ['推进缓慢：手续未办结', 'behind', '推进缓慢'],
    ['未达序时进度。完成全年的40%', 'behind', '未达序时进度'],
    ['低于目标3个百分点。', 'behind', '低于目标3个百分点'],
    ['低于目标 2.5 个百分点，', 'behind', '低于目标 2.5 个百分点'],
    ['暂不实施。', 'suspended', '暂不实施'],
    ['暂缓实施：待上级批复', 'suspended', '暂缓实施'],
    ['暂缓。', 'suspended', '暂缓'],
    ['因政策调整暂不实施。', 'suspended', '因政策调整暂不实施'],
    ['完成。', 'done', '完成'],
    ['部分完成：', 'partial', '部分完成'],
    ['未完成。', 'notDone', '未完成'],
    ['已移交经开区。', 'transferred', '已移交经开区'],
  ])('“%s” → %s, stated', (text, status, phrase) => {
    expect(readStatedStatus(text)).toEqual({ status, statusSource: 'stated', statusPhrase: phrase });
  });

  it.each(['项目按计划有序推进。', '目前工作滞后于计划', '该项目暂缓后重新启动', '已开工建设'])('“%s”: the word is not in the status position, so nothing is stated', (text) => {
    expect(readStatedStatus(text)).toBeUndefined();
    expect(readStatus(text, 'progress').statusSource).not.toBe('stated');
  });

  it('every status has a label, a definition, a colour and a count, in one order', () => {
    expect(STATUS_ORDER).toEqual(statusSchema.options);
    for (const s of STATUS_ORDER) {
      expect(STATUS_LABELS[s]).toBeTruthy();
      expect(STATUS_DEFINITIONS[s]).toBeTruthy();
      expect(STATUS_COLOURS[s]).toMatch(/^#[0-9A-F]{6}$/i);
    }
    expect(Object.keys(emptyStatusCounts())).toEqual([...STATUS_ORDER]);
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(STATUS_ORDER.length);
  });

  it('reads a classification phrase', () => {
    expect(['已完成年度目标任务', '有序推进中', '未完成季度目标任务具体情况', '进度滞后任务', '因政策调整暂不实施', '待确定'].map(statusOfPhrase)).toEqual(['done', 'onTrack', 'notDone', 'behind', 'suspended', undefined]);
  });
});

describe('reported totals', () => {
  const read = (text: string) => readReportedTotals([{ line: 7, text }]).map((t) => [t.key, t.count]);

  it.each([
    ['共124项，完成104项，部分完成13项，未完成7项。', [['total', 124], ['done', 104], ['partial', 13], ['notDone', 7]]],
    ['全年50项重点任务中，30项已完成，15项按序时推进，3项进度滞后，2项暂缓实施。', [['total', 50], ['done', 30], ['onTrack', 15], ['behind', 3], ['suspended', 2]]],
    ['2014年市政府民生实事项目共有42项任务,内容涉及交通出行', [['total', 42]]],
    ['已完成12项，正常推进8项。', [['done', 12], ['onTrack', 8]]],
    ['纳入督查的124项任务，截至9月底完成104项，部分完成13项，未完成7项。', [['total', 124], ['done', 104], ['partial', 13], ['notDone', 7]]],
    ['已完成12项，正在推进8项。', []], // 正在推进 is no status word, and one count alone is no total
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each(['新建124项项目，总投资30亿元。', '完成120项审批，办结率100%。', '新增市场主体1万户，完成投资30亿元。', '2023年9月完成。', '占总任务数的86.87%'])('no totals in “%s”', (text) => {
    expect(read(text)).toEqual([]);
  });

  const M09 = readRepoFile('content/reports/linzi/2023-m09-progress.txt').toString('utf8');
  it('totals in a footnote that agree with the rows: kept, no anomaly', () => {
    const p = parseText(`${M09}\n注：共124项，完成104项，部分完成13项，未完成7项。\n`, 'progress');
    const line = p.lines.findIndex((l) => l.startsWith('注：共124项')) + 1;
    expect(p.reportedTotals.map((t) => [t.key, t.count, t.line])).toEqual([['total', 124, line], ['done', 104, line], ['partial', 13, line], ['notDone', 7, line]]);
    expect(p.anomalies.filter((a) => a.kind === 'totals-mismatch')).toEqual([]);
  });
  it('totals in the title that disagree: an anomaly with the line, saying both numbers', () => {
    const p = parseText(M09.replace('9月份完成情况通报表', '9月份完成情况通报表（共125项，完成104项）'), 'progress');
    const mismatch = p.anomalies.filter((a) => a.kind === 'totals-mismatch');
    expect(mismatch.map((a) => a.line)).toEqual([3]);
    expect(mismatch[0]!.message).toMatch(/125 项.*124 项/);
  });
});
