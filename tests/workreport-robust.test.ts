// Bad or unusual input gives issues with a line number, never an exception.
import { describe, expect, it } from 'vitest';
import { parseWorkReport } from '../src/lib/workreport';

const parse = (text: string) => parseWorkReport(text.split('\n'), 'x.txt');

describe('work report parser on unusual input', () => {
  it('an empty file: one issue, nothing else', () => {
    const r = parse('');
    expect(r.items).toEqual([]);
    expect(r.issues).toEqual([{ line: 1, message: expect.stringContaining('没有任何正文') }]);
  });

  it('no 各位代表 salutation: says it cannot tell the title block from the body', () => {
    const r = parse('# 政府工作报告\n\n## 一、回顾\n\n正文。');
    expect(r.issues.some((i) => i.message.includes('各位代表'))).toBe(true);
  });

  it('reports a gap in the work-area numbering, a heading without numbering, and a paragraph cut before a heading', () => {
    const r = parse(
      [
        '# 政府工作报告', '', '各位代表：', '',
        '## 一、回顾', '', '过去一年。', '',
        '## 二、目标', '', '## 三、今年工作', '', '#### （一）第一方面。', '',
        '强化创新。新增平台5个以上。', '', '### 其他事项', '', '（三）第三方面。', '',
        '建设城市。新建绿地65万平方米，没有句号', '', '## 四、政府建设', '', '依法行政。严格落实。',
      ].join('\n'),
    );
    expect(r.issues.map((i) => i.line)).toEqual([17, 19, 21]);
    expect(r.issues[1]!.message).toContain('（三）');
    expect(r.items.map((i) => [i.kind, i.title])).toEqual([
      ['pledge', '强化创新'],
      ['pledge', '建设城市'],
      ['self-building', '依法行政'],
    ]);
  });

  it('a gap in the livelihood numbering is reported on its line', () => {
    const r = parse(['# 政府工作报告', '', '各位代表：', '', '## 三、工作', '', '（一）民生。', '', '遴选民生实事项目。主要是：（1）甲工程；（3）乙工程。', '', '## 四、自身建设', ''].join('\n'));
    expect(r.items.filter((i) => i.kind === 'livelihood').map((i) => i.projectNumber)).toEqual([1, 3]);
    expect(r.issues).toEqual([
      { line: 5, message: expect.stringContaining('不连续') }, // parts start at 三
      { line: 9, message: expect.stringContaining('（3）') },
    ]);
  });
});
