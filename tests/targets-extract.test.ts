// Every sentence here is read from a seed file by line number, so the extractor is tested on the
// text as published (spaces from PDF extraction, quotes, list numbering and all).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../src/lib/targets/extract-targets';
import { cleanText, splitClauses } from '../src/lib/targets/clean-text';

const read = (f: string) => readFileSync(`content/reports/${f}`, 'utf8').split('\n');
const seeds = {
  wr: read('zhangdian/2021-work-report.txt'),
  q2: read('zhangdian/2020-q2-progress.txt'),
  m9: read('linzi/2023-m09-progress.txt'),
  q3: read('linzi/2021-q3-progress.txt'),
};
const line = (seed: keyof typeof seeds, n: number) => seeds[seed][n - 1]!;
/** [match, value, unit, comparator] of each target found in the line. */
const brief = (seed: keyof typeof seeds, n: number) => extractTargets(line(seed, n)).map((t) => [t.match, t.value, t.unit, t.comparator]);
const find = (seed: keyof typeof seeds, n: number, match: string) => extractTargets(line(seed, n)).find((t) => t.match === match);

describe('zhangdian/2021-work-report.txt: the hard cases', () => {
  it('新增市级以上创新平台5个以上 (line 107): 以上 after the number, not the 以上 of 市级以上', () => {
    expect(find('wr', 107, '5个以上')).toMatchObject({ value: 5, unit: '个', comparator: 'atLeast', comparatorText: '以上', phrase: '年内新增市级以上创新平台5个以上' });
  });
  it('启动建设产权型、租赁型人才公寓1625套 (line 109)', () => {
    expect(find('wr', 109, '1625套')).toMatchObject({ value: 1625, unit: '套', comparator: 'exact', phrase: '启动建设产权型、租赁型人才公寓1625套' });
  });
  it('新增学位 5200 个 (line 159), spaces from the PDF removed', () => {
    expect(find('wr', 159, '5200个')).toMatchObject({ value: 5200, unit: '个', comparator: 'exact', phrase: '新增学位5200个' });
  });
  it('城镇登记失业率控制在 4.5% 以内 (line 157)', () => {
    expect(find('wr', 157, '4.5%以内')).toMatchObject({ value: 4.5, unit: '%', comparator: 'atMost', comparatorText: '以内', verb: '控制在', phrase: '城镇登记失业率控制在4.5%以内' });
  });
});

describe('more real sentences from zhangdian/2021-work-report.txt', () => {
  it('line 97: the 2021 main targets, 分别 carrying the verb to the second figure', () => {
    expect(brief('wr', 97)).toEqual([
      ['7%以上', 7, '%', 'atLeast'],
      ['7%以上', 7, '%', 'atLeast'],
      ['10%以上', 10, '%', 'atLeast'],
      ['8%左右', 8, '%', 'about'],
      ['7%', 7, '%', 'exact'],
      ['7.5%', 7.5, '%', 'exact'],
    ]);
    expect(extractTargets(line('wr', 97)).slice(4).map((t) => t.direction)).toEqual(['up', 'up']);
  });
  it('line 103: 2家以上, 9家, 突破100家', () => {
    expect(brief('wr', 103)).toEqual([
      ['2家以上', 2, '家', 'atLeast'],
      ['9家', 9, '家', 'exact'],
      ['100家', 100, '家', 'exceed'],
    ]);
  });
  it('line 109: a policy name in quotes (“人才金政37条”) is not a commitment', () => {
    expect(brief('wr', 109).map((t) => t[0])).toEqual(['1625套', '10人以上', '6000人以上']);
  });
  it('line 115: a range, 突破, and 达到…以上 (the trailing word bounds, the verb is kept)', () => {
    expect(find('wr', 115, '1-2栋')).toMatchObject({ value: 1, valueTo: 2, unit: '栋' });
    expect(find('wr', 115, '80家')).toMatchObject({ comparator: 'exceed', comparatorText: '突破' });
    expect(find('wr', 115, '120亿元以上')).toMatchObject({ value: 120, unit: '亿元', comparator: 'atLeast', verb: '达到' });
    expect(find('wr', 115, '80笔')).toMatchObject({ comparator: 'exceed', phrase: '年内“政银担”业务量突破80笔' });
  });
  it('line 117: amounts and counts in one clause', () => {
    expect(brief('wr', 117)).toEqual([
      ['5亿元', 5, '亿元', 'exact'],
      ['5个', 5, '个', 'exact'],
      ['1.5亿元', 1.5, '亿元', 'exact'],
      ['3个', 3, '个', 'exact'],
      ['200家', 200, '家', 'exact'],
    ]);
  });
  it('line 119: 突破 35 亿元', () => {
    expect(find('wr', 119, '35亿元')).toMatchObject({ comparator: 'exceed', value: 35 });
  });
  it('line 131: 30个 and 增长10%以上', () => {
    expect(brief('wr', 131)).toEqual([
      ['30个', 30, '个', 'exact'],
      ['10%以上', 10, '%', 'atLeast'],
    ]);
  });
  it('line 133: 增速保持在 5% 以上', () => {
    expect(find('wr', 133, '5%以上')).toMatchObject({ direction: 'up', comparator: 'atLeast' });
  });
  it('line 137: 10公里以上 and a list of counts', () => {
    expect(brief('wr', 137).map((t) => t[0])).toEqual(['10公里以上', '3个', '7个', '44条', '65条', '44处', '9处']);
  });
  it('line 141: 65万平方米 (multiplier kept in the unit)', () => {
    expect(find('wr', 141, '65万平方米')).toMatchObject({ value: 65, unit: '万平方米' });
  });
  it('line 143: 达到65%, 达到90%以上; PM10 and “21+2” are not figures', () => {
    expect(brief('wr', 143)).toEqual([
      ['62个', 62, '个', 'exact'],
      ['65%', 65, '%', 'reach'],
      ['90%以上', 90, '%', 'atLeast'],
    ]);
  });
  it('line 147: years (2021 淄博青岛啤酒节) are not figures', () => {
    expect(brief('wr', 147).map((t) => t[0])).toEqual(['4个', '3家']);
  });
  it('line 157: 3家 and “长者食堂”10处以上; 10-15 分钟 is not a commitment', () => {
    expect(brief('wr', 157).map((t) => t[0])).toEqual(['4.5%以内', '3家', '10处以上']);
  });
  it('line 55: 1 万余人 is an approximate count', () => {
    expect(find('wr', 55, '1万余人')).toMatchObject({ value: 1, unit: '万人', comparator: 'over', comparatorText: '余' });
  });
});

describe('real sentences from the bulletins', () => {
  it('000 line 10: 地区生产总值增长6.5%左右', () => {
    expect(find('q2', 10, '6.5%左右')).toMatchObject({ value: 6.5, comparator: 'about', direction: 'up' });
  });
  it('000 line 12: 预计同比下降6% is negative', () => {
    expect(find('q2', 12, '6%')).toMatchObject({ value: -6, direction: 'down' });
  });
  it('000 line 19: a printed minus sign', () => {
    expect(find('q2', 19, '-6%')).toMatchObject({ value: -6, direction: 'down' });
  });
  it('000 line 47: 分别增长7%左右和7%以上', () => {
    expect(brief('q2', 47)).toEqual([
      ['7%左右', 7, '%', 'about'],
      ['7%以上', 7, '%', 'atLeast'],
    ]);
  });
  it('000 line 76: 总投资10亿元的5个…项目，年度完成投资1.8亿元以上', () => {
    expect(brief('q2', 76).map((t) => t[0])).toEqual(['10亿元', '5个', '1.8亿元以上']);
  });
  it('000 line 95: 不少于10家', () => {
    expect(find('q2', 95, '10家')).toMatchObject({ comparator: 'atLeast', comparatorText: '不少于' });
  });
  it('000 line 222: 60个以上 and 183亿元以上', () => {
    expect(brief('q2', 222).map((t) => [t[0], t[3]])).toEqual([
      ['60个以上', 'atLeast'],
      ['183亿元以上', 'atLeast'],
    ]);
  });
  it('000 line 240: list numbering "1.3家企业" is item 1, then 3家', () => {
    expect(extractTargets(line('q2', 240)).slice(0, 1)).toMatchObject([{ value: 3, unit: '家', match: '3家' }]);
  });
  it('002 line 6: the 2023 targets of Linzi', () => {
    const year = line('m9', 6).split('\t')[1]!;
    expect(extractTargets(year).map((t) => t.match)).toEqual(['5.5%以上', '6%以上', '10%以上', '5.5%左右', '5%以上']);
  });
  it('003 line 6: 分别增长7%、7.5%左右 and an amount with growth', () => {
    const year = line('q3', 6).split('\t')[1]!;
    expect(extractTargets(year).map((t) => t.match)).toEqual(['7%左右', '10%左右', '7%左右', '8%左右', '7%', '7.5%左右']);
    const q3 = line('q3', 6).split('\t')[2]!;
    expect(extractTargets(q3).find((t) => t.match === '55.51亿元')).toMatchObject({ unit: '亿元', value: 55.51 });
  });
});

describe('text cleaning', () => {
  it('removes PDF spaces next to Chinese and inside numbers', () => {
    expect(cleanText('新增学位 5200 个，城镇登记失业率控制在 4.5% 以内')).toBe('新增学位5200个，城镇登记失业率控制在4.5%以内');
  });
  it('splits clauses with offsets', () => {
    expect(splitClauses('甲乙，丙丁；戊。')).toEqual([
      { text: '甲乙', start: 0 },
      { text: '丙丁', start: 3 },
      { text: '戊', start: 6 },
    ]);
  });
});

describe('targetText prints the commitment as the source does', () => {
  it('puts a leading word before the figure and keeps trailing ones in the match', async () => {
    const { targetText } = await import('../src/lib/targets/target-text');
    expect(targetText(find('wr', 103, '100家')!)).toBe('突破100家');
    expect(targetText(find('wr', 157, '4.5%以内')!)).toBe('控制在4.5%以内');
    expect(targetText(find('wr', 115, '120亿元以上')!)).toBe('达到120亿元以上');
    expect(targetText(find('wr', 107, '5个以上')!)).toBe('5个以上');
    expect(targetText(find('wr', 55, '1万余人')!)).toBe('1万余人');
  });
});
