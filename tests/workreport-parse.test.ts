import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWorkReport, chineseNumber, leadPhrase } from '../src/lib/workreport';

const FILE = 'content/reports/zhangdian/2021-work-report.txt';
const lines = readFileSync(FILE, 'utf8').split('\n');
const report = parseWorkReport(lines, FILE);
const pledges = report.items.filter((i) => i.kind === 'pledge');
const titlesOf = (key: string) => pledges.filter((i) => i.area.key === key).map((i) => i.title);

describe('zhangdian/2021-work-report.txt structure', () => {
  it('keeps the duplicated title block once, as metadata', () => {
    expect(report.meta).toMatchObject({
      title: '政府工作报告',
      date: '2021-02-07',
      occasion: '张店区第十七届人民代表大会第五次会议',
      speaker: '王学刚',
      speakerTitle: '张店区人民政府区长',
      lines: [3, 15],
      duplicateLines: [11, 15],
    });
    // Nothing from the title block leaks into the body.
    expect(report.paragraphs[0]!.text).toBe('各位代表：');
  });

  it('recognises parts 一…四 whatever the heading level', () => {
    expect(report.parts.map((p) => [p.number, p.line, p.depth])).toEqual([
      [1, 21, 2],
      [2, 71, 2],
      [3, 95, 3],
      [4, 169, 4],
    ]);
  });

  it('recognises the five work areas, including the one printed without #', () => {
    expect(report.areas.map((a) => [a.numeral, a.line, a.depth])).toEqual([
      ['（一）', 101, 4],
      ['（二）', 111, 2],
      ['（三）', 123, 3],
      ['（四）', 135, 4],
      ['（五）', 151, 0],
    ]);
    expect(report.areas[4]!.title).toBe('用心为民服务，更好满足人民美好生活需求');
    expect(report.issues).toEqual([]);
  });

  it('joins paragraphs cut mid-sentence by a page break', () => {
    const p = report.paragraphs.find((x) => x.text.includes('社会消费品零售总额下降0.7%'));
    expect(p?.lines).toEqual([45, 47]);
    const q = report.paragraphs.find((x) => x.text.startsWith('建设高能级创新平台'));
    expect(q?.lines).toEqual([105, 107]);
    expect(q?.text).toContain('加强双创载体建设，全力服务淄博创业创新谷项目建设；启动“环山东理工大学创业创新带”建设，深化与上海归心谷合作，建设“创业苗圃');
  });

  it('chineseNumber reads report numbering', () => {
    expect([chineseNumber('一'), chineseNumber('五'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十三')]).toEqual([1, 5, 10, 12, 23]);
  });
});

describe('zhangdian/2021-work-report.txt pledges', () => {
  it('turns each lead-phrase paragraph of the five work areas into a pledge', () => {
    expect(titlesOf('area-1')).toEqual(['强化技术创新能力', '建设高能级创新平台', '营造创新人才发展生态']);
    expect(titlesOf('area-2')).toEqual(['大力发展城市经济', '推动工业经济迈向中高端', '发展数字农业']);
    expect(titlesOf('area-3')).toEqual(['深化重点领域改革', '激发市场主体活力', '畅通国内大循环', '融入国际国内双循环']);
    expect(titlesOf('area-4')).toEqual(['提升城市承载能力', '提升城市功能品质', '持续改善生态环境', '建设多彩活力城市', '全面推进乡村振兴']);
    expect(titlesOf('area-5')).toEqual([
      '抓好常态化疫情防控',
      '做好民生保障工作',
      '优化公共服务供给',
      '加强市域社会治理',
      '促进国防后备力量、人防、粮食、档案、双拥共建、计划生育、民族宗教、外事侨务、妇女儿童等各项事业协调发展',
    ]);
    const first = pledges[0]!;
    expect(first.area).toMatchObject({ label: '突出创新核心地位，构筑高质量发展优势', numeral: '（一）' });
    expect(first.body.text.startsWith('强化技术创新能力。打通科技成果转化链条')).toBe(true);
  });

  it('gives every item its file, line range and the verbatim lines', () => {
    for (const item of report.items) {
      const [from, to] = item.source.lines;
      expect(item.source.file).toBe(FILE);
      expect(item.source.verbatim).toBe(lines.slice(from - 1, to).join('\n'));
    }
    const cut = pledges.find((i) => i.title === '做好民生保障工作')!;
    expect(cut.source.lines).toEqual([155, 157]);
    expect(cut.body.text).toContain('继续打好“减、免、缓、补、返”政策组合拳');
  });

  it('keeps PM<sub>10</sub> and AA<sup>+</sup> in the HTML, plain in the text', () => {
    const eco = pledges.find((i) => i.title === '持续改善生态环境')!;
    expect(eco.body.html).toContain('PM<sub>10</sub>、PM<sub>2.5</sub>');
    expect(eco.body.text).toContain('PM10、PM2.5');
    const reform = pledges.find((i) => i.title === '深化重点领域改革')!;
    expect(reform.body.html).toContain('AA<sup>+</sup>信用评级资质');
  });

  it('finds the 13 livelihood projects with their titles', () => {
    const projects = report.items.filter((i) => i.kind === 'livelihood');
    expect(projects.map((p) => p.projectNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(projects.map((p) => p.title)).toEqual([
      '背街小巷、店前破损路面提升改造工程',
      '困难群体惠民医疗保障工程',
      '幼儿园建设项目',
      '环卫公厕新建改建、生活垃圾分类设施配套项目',
      '张店区小学生、在园幼儿课后服务项目',
      '群众健康保障行动',
      '“智慧市场”溯源监管平台建设项目（一期）',
      '交通信号控制优化服务项目',
      '城镇老旧小区改造项目',
      '居民小区飞线整治工程',
      '智慧安防社区创建项目',
      '儿童康复中心项目',
      '北苑小学建设项目',
    ]);
    expect(projects.every((p) => p.source.lines[0] === 167)).toBe(true);
  });

  it('puts the lead-phrase paragraphs of part 四 in the government self-building area, not its preamble or closing', () => {
    const own = report.items.filter((i) => i.kind === 'self-building');
    expect(own.map((i) => i.title)).toEqual(['提高政治站位', '严格依法行政', '强化效能建设', '守牢廉洁底线']);
    expect(own.every((i) => i.area.key === 'self-building' && i.area.label === '加快建设服务型政府')).toBe(true);
    expect(own.at(-1)!.source.lines).toEqual([179, 181]);
  });

  it('attaches the quantified commitments found in each pledge', () => {
    const talent = pledges.find((i) => i.title === '营造创新人才发展生态')!;
    expect(talent.targets.map((t) => t.match)).toEqual(['1625套', '10人以上', '6000人以上']);
  });

  it('leadPhrase only takes a short first sentence', () => {
    expect(leadPhrase('发展数字农业。实施农业品牌战略。')).toBe('发展数字农业');
    expect(leadPhrase('2021年是“十四五”的开局之年，也是“落实突破年”。与…')).toBeUndefined();
  });
});
