import { describe, expect, it } from 'vitest';
import { parseLeaders, parseUnits } from '../src/lib/ingest/units';

const roles = (text: string) => parseUnits(text).map((u) => `${u.name}/${u.role}`);

describe('parseUnits', () => {
  it('rejoins names a PDF broke and reads (牵头) in either bracket width', () => {
    expect(roles('区行政审批 服务局 (牵头) 区市场监管局')).toEqual(['区行政审批服务局/lead', '区市场监管局/assist']);
    expect(roles('区发改局（牵头） 区财政局')).toEqual(['区发改局/lead', '区财政局/assist']);
    expect(roles('金岭回族镇 政府 人民银行临淄 支行')).toEqual(['金岭回族镇政府/unmarked', '人民银行临淄支行/unmarked']);
    expect(roles('淄博省级农业 高新技术产业 示范区管委会')).toEqual(['淄博省级农业高新技术产业示范区管委会/unmarked']);
    expect(roles('区投资促进 中心 (牵头) 区工信局 各产业链工作 专班')).toEqual(['区投资促进中心/lead', '区工信局/assist', '各产业链工作专班/assist']);
  });
  it('splits on spaces, blank lines and 、，', () => {
    expect(roles('区发改局\n\n区科技局')).toEqual(['区发改局/unmarked', '区科技局/unmarked']);
    expect(roles('区发改局、区科技局，区商务局')).toEqual(['区发改局/unmarked', '区科技局/unmarked', '区商务局/unmarked']);
  });
  it('reads the statistics bureau as data provider; a lone unit is a 责任单位, not a lead it was never marked as', () => {
    expect(roles('区发改局\n\n区统计局提供数据')).toEqual(['区发改局/unmarked', '区统计局/data']);
    expect(roles('区教体局')).toEqual(['区教体局/unmarked']);
    expect(roles('区教体局（牵头）')).toEqual(['区教体局/lead']);
    // Under a column headed 牵头单位 the document itself marks them: they lead.
    expect(parseUnits('区财政局、区自然资源局', { columnMarksLead: true }).map((u) => `${u.name}/${u.role}`)).toEqual(['区财政局/lead', '区自然资源局/lead']);
  });
  it('reads a lead mark printed without brackets', () => {
    expect(roles('区文旅局牵头 齐都镇政府 齐陵街道办事处')).toEqual(['区文旅局/lead', '齐都镇政府/assist', '齐陵街道办事处/assist']);
  });
  it('reads a command post with its lead and assisting units', () => {
    const u = parseUnits('临淄火车站改造及周边片区开发建设指挥部（区交通运输局牵头，区自然资源局、辛店街道配合）');
    expect(u.map((x) => [x.name, x.role, x.via])).toEqual([
      ['临淄火车站改造及周边片区开发建设指挥部', 'unmarked', undefined],
      ['区交通运输局', 'lead', '临淄火车站改造及周边片区开发建设指挥部'],
      ['区自然资源局', 'assist', '临淄火车站改造及周边片区开发建设指挥部'],
      ['辛店街道', 'assist', '临淄火车站改造及周边片区开发建设指挥部'],
    ]);
  });
  it('keeps names that merely contain 牵头', () => {
    expect(roles('区应急局\n安委会各牵头单位')).toEqual(['区应急局/unmarked', '安委会各牵头单位/unmarked']);
  });
});

describe('parseLeaders', () => {
  it('rejoins one-character halves of a name', () => {
    expect(parseLeaders('郭克华 贾继元 房美男 崔 燮')).toEqual([
      { name: '郭克华', printed: '郭克华' },
      { name: '贾继元', printed: '贾继元' },
      { name: '房美男', printed: '房美男' },
      { name: '崔燮', printed: '崔 燮' },
    ]);
    expect(parseLeaders('崔 赞').map((l) => l.name)).toEqual(['崔赞']);
  });
});
