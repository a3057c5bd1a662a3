// Inferred statuses: whole terms, negation, quantities, and the phrases that decided.
import { describe, expect, it } from 'vitest';
import { inferStatus, readStatus } from '~/lib/ingest/status';
import { repoDataset } from './helpers/repo-dataset';

describe('whole terms', () => {
  it('a term inside a longer word is not the term', () => {
    expect(inferStatus('开通“人才直通车”服务专线')).toMatchObject({ status: 'unstated' });
    expect(inferStatus('道路已铺设，具备通车条件')).toMatchObject({ status: 'unstated' });
    expect(inferStatus('南环路改造工程9月底通车')).toMatchObject({ status: 'done', statusPhrase: '通车' });
    expect(inferStatus('落实教师待遇保障政策')).toMatchObject({ status: 'unstated' });
    expect(inferStatus('完成二期工程初步设计')).toMatchObject({ status: 'unstated' });
  });

  it('未 in 未来 negates nothing', () => {
    expect(inferStatus('制定未来社区建设方案，已完成立项')).toMatchObject({ status: 'done', statusPhrase: '已完成' });
  });
});

describe('negation never counts for its positive', () => {
  it.each([
    ['尚未启动招投标', '尚未启动'],
    ['年底前不能全部完成', '不能全部完成'],
    ['因资金原因暂未开工建设', '暂未开工'],
    ['受疫情影响没有按期举办', '没有按期举办'],
    ['规划调整，项目不再实施', '不再实施'],
    ['未与投资方达成协议', '未与投资方达成'],
  ])('%s → not done', (text, phrase) => {
    expect(inferStatus(text)).toEqual({ status: 'notDone', statusSource: 'inferred', statusPhrase: phrase });
  });

  it('a negated phrase beside real progress is partial, never done', () => {
    expect(inferStatus('一期已完成，二期尚未完成')).toMatchObject({ status: 'partial', statusPhrase: '尚未完成；已完成' });
    expect(inferStatus('主体已竣工，配套道路仍未开工')).toMatchObject({ status: 'partial', statusPhrase: '仍未开工；已竣工' });
  });
});

describe('quantities of the same thing decide', () => {
  it('a result short of the target is not done, whatever verb opens it', () => {
    const r = inferStatus('已落实人才补贴80万元，新招录社区工作者12人。', ['招录社区工作者30人以上。']);
    expect(r).toMatchObject({ status: 'partial', statusPhrase: '新招录社区工作者12人（目标30人以上）' });
  });

  it('a result reaching the target is done; a target kept under a ceiling is met below it', () => {
    expect(inferStatus('新建成5G基站160座', ['新建5G基站150座'])).toMatchObject({ status: 'done' });
    expect(inferStatus('城镇登记失业率3.1%', ['城镇登记失业率控制在4%以内'])).toMatchObject({ status: 'done' });
    expect(inferStatus('城镇登记失业率4.6%', ['城镇登记失业率控制在4%以内'])).toMatchObject({ status: 'partial' });
  });

  it('one target figure reached out of several is not done: the others are unaccounted for', () => {
    const targets = ['新建5G基站150座，新建充电桩40座，改造老旧小区3个'];
    expect(inferStatus('新建5G基站160座', targets)).toMatchObject({ status: 'unstated' });
    expect(inferStatus('新建5G基站160座，新建充电桩42座，改造老旧小区3个', targets)).toMatchObject({ status: 'done' });
    expect(inferStatus('新建5G基站160座，新建充电桩12座', targets)).toMatchObject({ status: 'partial', statusPhrase: '新建充电桩12座（目标40座）' });
  });

  it('numbers of different things, and forecasts, are not compared', () => {
    expect(inferStatus('新建充电桩20座', ['新建5G基站150座'])).toMatchObject({ status: 'unstated' });
    expect(inferStatus('预计全年新建5G基站160座', ['新建5G基站150座'])).toMatchObject({ status: 'unstated' });
  });

  it('a share of the goal below 100% is under way', () => {
    expect(inferStatus('已完成年度目标任务的55%')).toMatchObject({ status: 'partial', statusPhrase: '已完成年度目标任务的55%' });
    expect(inferStatus('管网铺设已完成2/3')).toMatchObject({ status: 'partial', statusPhrase: '完成2/3' });
    expect(inferStatus('已完成全年计划的100%')).toMatchObject({ status: 'done' });
  });
});

describe('the deciding phrases are the ones that decided, none cut', () => {
  it('partial from a mix shows the not-done phrases and what tipped it', () => {
    const r = inferStatus('甲校已竣工投用；乙校正在施工；丙校未取得土地指标；丁校暂未开工；戊校尚未立项。');
    expect(r.status).toBe('partial');
    expect(r.statusPhrase).toBe('未取得、暂未开工、尚未立项；已竣工、正在');
  });

  it('partial from work under way does not list the done phrases that lost', () => {
    expect(inferStatus('一期已完成，二期正在施工')).toMatchObject({ status: 'partial', statusPhrase: '正在' });
  });

  it('a stated word is never re-inferred', () => {
    expect(readStatus('完成。尚未启动二期', 'progress')).toMatchObject({ status: 'done', statusSource: 'stated' });
  });
});

describe('临淄 2021 Q3 (no status words) as ingested', () => {
  const { progress } = repoDataset().dataset;
  const row = (n: number) => progress.find((p) => p.id === `linzi-2021-q3-${n}`)!;

  it('the audit cases', () => {
    expect(row(8).statusPhrase).not.toMatch(/通车/);
    expect(row(47)).toMatchObject({ status: 'notDone', statusPhrase: '尚未启动' });
    expect(row(6)).toMatchObject({ status: 'partial' });
    expect(row(6).statusPhrase).toContain('6人（目标15人以上）');
    expect(row(77).statusPhrase).toMatch(/^未取得、暂未开工；.*竣工/);
  });

  it('no inferred phrase is a term inside a longer word or a negated positive', () => {
    for (const p of progress.filter((x) => x.statusSource === 'inferred')) {
      const [neg = '', pos = ''] = p.statusPhrase!.includes('；') ? p.statusPhrase!.split('；') : p.status === 'notDone' ? [p.statusPhrase!, ''] : ['', p.statusPhrase!];
      for (const ph of pos.split('、').filter(Boolean)) expect(ph, `${p.id}: ${ph}`).not.toMatch(/^(尚未|暂未|未|不能|没有)/);
      if (p.status === 'done') expect(neg, p.id).toBe('');
      expect(p.statusPhrase, p.id).not.toContain('直通车');
    }
  });
});
