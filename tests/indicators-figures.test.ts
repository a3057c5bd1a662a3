// Fault kinds of the indicator reader, each on sentences of our own written the way work reports and
// bulletins print them (the seed cases are in indicators-points.test.ts).
import { describe, expect, it } from 'vitest';
import { indicatorFigures, subjectOf } from '~/lib/indicators/indicator-figures';
import { rowPoints, statesALevel, workReportPoints, type IndicatorRow } from '~/lib/indicators/build-points';
import { compareIndicators } from '~/lib/indicators/compare';
import { valueText } from '~/lib/indicators/format';
import { parseWorkReport } from '~/lib/workreport';
import { extractTargets } from '~/lib/targets/extract-targets';
import { targetText } from '~/lib/targets/target-text';

const brief = (text: string) =>
  indicatorFigures(text).map((f) => [f.indicator, f.value ?? null, f.valueTo ?? null, f.unit ?? '%', f.comparatorText ?? '']);

describe('GDP under its other names', () => {
  it.each([
    ['国内生产总值增长5%左右', 5],
    ['全市生产总值增长6.5%', 6.5],
    ['全县生产总值同比增长7%以上', 7],
    ['生产总值增长5.5%', 5.5],
    ['实现地区生产总值（GDP）增长6%', 6],
  ])('%s is gdp', (text, value) => {
    expect(brief(text)[0]?.slice(0, 2)).toEqual(['gdp', value]);
  });
  it('per head, shares of it and energy per unit of it are not GDP', () => {
    expect(brief('单位地区生产总值能耗降低3%左右')).toEqual([]);
    expect(brief('万元GDP能耗下降2%')).toEqual([]);
    expect(subjectOf('人均地区生产总值达到10万元')).toBeUndefined();
    expect(subjectOf('服务业增加值占地区生产总值比重达到55%')).toBeUndefined();
    expect(brief('数字经济核心产业增加值占生产总值比重提高1个百分点')).toEqual([]);
  });
});

describe('the further headline indicators', () => {
  it('城镇新增就业 is an amount in 万人 (either word order)', () => {
    expect(brief('城镇新增就业1.2万人以上')).toEqual([['jobs', 1.2, null, '万人', '以上']]);
    expect(brief('新增城镇就业8500人')).toEqual([['jobs', 8500, null, '人', '']]);
  });
  it('城镇调查失业率 is a level in percent; 城镇登记失业率 is another statistic', () => {
    expect(brief('城镇调查失业率控制在5.5%以内')).toEqual([['unemployment', 5.5, null, '%', '以内']]);
    expect(brief('城镇登记失业率控制在3%以内')).toEqual([['registeredUnemployment', 3, null, '%', '以内']]);
  });
  it('居民消费价格 (CPI) rises or falls in percent', () => {
    expect(brief('居民消费价格涨幅控制在3%左右')).toEqual([['cpi', 3, null, '%', '左右']]);
    expect(brief('居民消费价格指数下降0.3%')).toEqual([['cpi', -0.3, null, '%', '']]);
  });
  it('粮食产量 is an amount, or a rate when only a rate is given', () => {
    expect(brief('粮食总产量稳定在45万吨以上')).toEqual([['grain', 45, null, '万吨', '以上']]);
    expect(brief('粮食产量增长1.2%')).toEqual([['grain', 1.2, null, '%', '']]);
    expect(brief('粮食产量1.3万亿斤以上')).toEqual([['grain', 1.3, null, '万亿斤', '以上']]);
  });
  it('进出口总额: the rate wins over the amount before it; an amount alone is kept with its unit', () => {
    expect(brief('进出口总额完成86.4亿元，同比增长12.3%，实际利用外资1.2亿美元')).toEqual([['trade', 12.3, null, '%', '']]);
    expect(brief('力争完成货物进出口总额52亿元')).toEqual([['trade', 52, null, '亿元', '']]);
  });
  it('同口径: skipped as a second reading of a figure, kept when it is the only one', () => {
    expect(brief('一般公共预算收入下降29%，扣除减税降费等因素，同口径增长1.2%').map((f) => f[1])).toEqual([-29]);
    expect(brief('一般公共预算收入同口径增长3.5%').map((f) => f[1])).toEqual([3.5]);
    expect(brief('货物进出口总值增长6.1%').map((f) => f.slice(0, 2))).toEqual([['trade', 6.1]]);
  });
  it('a subject waiting for its rate is not lost when another subject follows', () => {
    expect(brief('外贸进出口总额保持稳定，地区生产总值增长5%')).toEqual([
      ['trade', null, null, '%', ''],
      ['gdp', 5, null, '%', ''],
    ]);
  });
});

describe('two incomes in one clause', () => {
  it('城镇、农村居民人均可支配收入分别增长9.5%和8.7% gives urban 9.5 and rural 8.7', () => {
    expect(brief('城镇、农村居民人均可支配收入分别增长9.5%和8.7%').map((f) => f.slice(0, 2))).toEqual([
      ['incomeUrban', 9.5],
      ['incomeRural', 8.7],
    ]);
  });
  it('the printed order decides: 农村、城镇… gives rural first', () => {
    expect(brief('农村和城镇居民人均可支配收入分别增长8%、6.5%').map((f) => f.slice(0, 2))).toEqual([
      ['incomeRural', 8],
      ['incomeUrban', 6.5],
    ]);
  });
  it('城、乡居民… (one character each) is urban and rural too', () => {
    expect(brief('城、乡居民人均可支配收入分别增长8%、9%').map((f) => f.slice(0, 2))).toEqual([['incomeUrban', 8], ['incomeRural', 9]]);
  });
  it('城乡居民… 分别 is urban then rural; without 分别 it is the residents’ income', () => {
    expect(brief('城乡居民人均可支配收入分别增长6%、7%').map((f) => f.slice(0, 2))).toEqual([
      ['incomeUrban', 6],
      ['incomeRural', 7],
    ]);
    expect(brief('城乡居民人均可支配收入增长6%').map((f) => f.slice(0, 2))).toEqual([['income', 6]]);
  });
});

describe('ranges keep both ends', () => {
  it.each([
    ['地区生产总值增长4.5%—5%', 4.5, 5],
    ['一般公共预算收入增长6%－6.5%', 6, 6.5],
    ['固定资产投资增长8%~10%', 8, 10],
    ['社会消费品零售总额增长5%至6%', 5, 6],
    ['居民消费价格下降1%—2%', -1, -2],
  ])('%s', (text, lo, hi) => {
    const [f] = indicatorFigures(text);
    expect([f?.value, f?.valueTo]).toEqual([lo, hi]);
  });
  it('is shown as a range; a leading word stays in front of its figure, a trailing one after it', () => {
    const shown = (text: string) => indicatorFigures(text).map((f) => valueText(f));
    expect(shown('地区生产总值增长4.5%—5%')).toEqual(['4.5%–5%']);
    expect(shown('力争进出口总额超过52亿元')).toEqual(['超过52亿元']);
    expect(shown('城镇新增就业1.2万人以上，城镇调查失业率控制在5.5%以内')).toEqual(['1.2万人以上', '5.5%以内']);
  });
  it('a year range is not a figure range', () => {
    expect(extractTargets('2021-2025年新增学位5000个').map((t) => [t.value, t.valueTo ?? null])).toEqual([[5000, null]]);
  });
});

describe('a qualifier after the last figure of a list', () => {
  it('分别增长7%、7.5%左右: both 左右, marked as shared', () => {
    const figs = indicatorFigures('城镇和农村居民人均可支配收入分别增长7%、7.5%左右');
    expect(figs.map((f) => [f.indicator, f.value, f.comparatorText, f.sharedQualifier ?? false])).toEqual([
      ['incomeUrban', 7, '左右', true],
      ['incomeRural', 7.5, '左右', false],
    ]);
  });
  it('和 joins a list too; each figure with its own word keeps it', () => {
    expect(brief('城镇、农村居民人均可支配收入分别增长6%和7%以上').map((f) => f[4])).toEqual(['以上', '以上']);
    expect(brief('城镇、农村居民人均可支配收入分别增长6%以上、7%左右').map((f) => f[4])).toEqual(['以上', '左右']);
  });
  it('a pledge’s target shows the shared word with a mark, since it was not printed next to that figure', () => {
    expect(extractTargets('城镇和农村居民人均可支配收入分别增长7%、7.5%左右').map(targetText)).toEqual(['7%〔左右〕', '7.5%左右']);
  });
  it('figures that are not one list do not share it', () => {
    expect(extractTargets('新建学校3所，新增学位5000个以上').map((t) => t.comparatorText)).toEqual(['', '以上']);
    expect(extractTargets('新增停车位300个、充电桩50%以上').map((t) => t.comparatorText)).toEqual(['', '以上']);
  });
});

describe('a sentence that is not a figure', () => {
  it('statesALevel tells a level from a status or a data note', () => {
    expect(['保持稳定', '稳中有升', '与经济增长同步'].map(statesALevel)).toEqual([true, true, true]);
    expect(['未完成。7月26日出数据。', '数据未出。', '区统计局提供数据', '已完成'].map(statesALevel)).toEqual([false, false, false, false]);
  });
  const row = (result: string, target = '6%'): IndicatorRow => {
    const verbatim = ['地区生产总值增长6.5%左右。', target, result].join('\n');
    const source = { file: 'x.txt', lines: [1, 3] as [number, number], verbatim };
    return { district: 'x', year: 2022, reportId: 'x-2022-q2', period: 'Q2', pledge: '地区生产总值增长6.5%左右。', pledgeSource: source, periodTargets: [{ text: target, period: 'Q2' }], result, rowSource: source };
  };
  it('a result cell without a figure gives no actual', () => {
    for (const result of ['未完成。8月中旬出数据。', '数据暂未公布', '正在统计']) {
      expect(rowPoints(row(result)).filter((p) => p.role === 'actual')).toEqual([]);
    }
  });
  it('a target cell stating a level is kept as words; one with a figure as the figure', () => {
    expect(rowPoints(row('完成。增长5.2%。', '保持稳定')).map((p) => [p.role, p.value ?? null, p.phrase])).toEqual([
      ['target', 6.5, '地区生产总值增长6.5%左右'],
      ['periodTarget', null, '保持稳定'],
      ['actual', 5.2, '增长5.2%'],
    ]);
  });
});

describe('work report: which year a figure is about', () => {
  const text = [
    '# 政府工作报告', '', '各位代表：', '',
    '## 一、过去五年工作回顾', '',
    '五年来，全县生产总值年均增长6.1%，新增城镇就业5.3万人。', '',
    '2022年，全县生产总值增长4.2%，城镇新增就业1.1万人，居民消费价格上涨1.9%。', '',
    '聚力扩大开放。进出口总额完成33亿元，同比增长15.2%。', '',
    '各位代表！过去五年，我们经受了严峻考验，全面完成了上届政府确定的预期目标。', '',
    '## 二、今后五年目标', '',
    '到2027年，全县生产总值年均增长6%左右。', '',
    '## 三、2023年工作安排', '',
    '今年经济社会发展的主要预期目标是：全县生产总值增长6%左右，城镇调查失业率控制在5.5%以内，粮食产量稳定在30万吨以上。', '',
    '（一）扩大开放。稳定外贸基本盘，外贸进出口增长8%以上。',
  ].join('\n');
  const lines = text.split('\n');
  const pts = workReportPoints(parseWorkReport(lines, 'x.txt'), { district: 'x', year: 2023, reportId: 'x-2023-work-report' }, 'x.txt', lines);
  const got = pts.map((p) => [p.indicator, p.role, p.year, p.value ?? null, p.unit ?? '%', p.source.lines[0]]);
  it('the review year’s actuals are about the year before, five-year figures are not counted', () => {
    expect(got.filter((p) => p[1] === 'actual')).toEqual([
      ['gdp', 'actual', 2022, 4.2, '%', 9],
      ['jobs', 'actual', 2022, 1.1, '万人', 9],
      ['cpi', 'actual', 2022, 1.9, '%', 9],
      ['trade', 'actual', 2022, 15.2, '%', 11],
    ]);
  });
  it('targets are about the report’s year, from the 预期目标 and the work part, not the five-year plan', () => {
    expect(got.filter((p) => p[1] === 'target')).toEqual([
      ['gdp', 'target', 2023, 6, '%', 21],
      ['unemployment', 'target', 2023, 5.5, '%', 21],
      ['grain', 'target', 2023, 30, '万吨', 21],
      ['trade', 'target', 2023, 8, '%', 23],
    ]);
  });
  it('without numbered parts, the openings tell the review from this year’s targets', () => {
    const t = ['政府工作报告', '各位代表：', '过去一年，全市生产总值增长5%，城镇新增就业1.3万人。', '聚力稳外贸。进出口总额增长9%。', '今年经济社会发展的主要预期目标是：全市生产总值增长6%左右。'];
    const r = workReportPoints(parseWorkReport(t, 'y.txt'), { district: 'y', year: 2023, reportId: 'y' }, 'y.txt', t);
    expect(r.map((p) => [p.indicator, p.role, p.year, p.value, p.source.lines[0]])).toEqual([
      ['gdp', 'actual', 2022, 5, 3],
      ['jobs', 'actual', 2022, 1.3, 3],
      ['trade', 'actual', 2022, 9, 4],
      ['gdp', 'target', 2023, 6, 5],
    ]);
  });
  it('a target in percent is compared with an actual in percent, not an amount', () => {
    const trade = (v: number | undefined, unit: string | undefined, period: string, id: string) => ({ ...pts[0]!, id, indicator: 'trade' as const, role: 'actual' as const, year: 2023, period, value: v, ...(unit ? { unit } : {}) });
    const target = { ...pts.find((p) => p.indicator === 'trade' && p.role === 'target')! };
    const c = compareIndicators([target, trade(6, undefined, 'Q2', 'a'), trade(40, '亿元', 'Q3', 'b')])[0]!;
    expect(c.actual?.id).toBe('a');
  });
});
