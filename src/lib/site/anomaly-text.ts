// The quality page speaks to citizens: each kind of problem in plain Chinese, and each message without
// the maintainer's instructions (file paths, "请登记…"), which live in the README instead.
import type { Anomaly, AnomalyKind } from '~/lib/schema/anomaly';

export const ANOMALY_LABELS: Record<AnomalyKind, string> = {
  'numbering-gap': '序号不连续',
  'duplicate-number': '序号重复',
  'row-cut-off': '最后一行不完整',
  'truncated-cell': '表格内容残缺',
  'too-many-cells': '一行的栏目多于表头',
  'too-few-cells': '一行的栏目少于表头',
  'outside-table': '表格以外的文字',
  'unnumbered-row': '没有序号的行',
  'unknown-name': '名字与名单对不上',
  'manifest-mismatch': '文件信息与正文不一致',
  decode: '无法识别的字符',
  'invisible-character': '看不见的控制字符',
  'too-long': '名称过长（可能几格连在一起）',
  'totals-mismatch': '原文合计与逐条清点不符',
  reader: '原件格式的问题（如扩展名与内容不符）',
};

/** The message as a reader needs it: what is wrong in the original, with no repository paths or to-dos. */
export function plainMessage(a: Pick<Anomaly, 'kind' | 'message'>): string {
  let m = a.message
    // "不在 content/aliases/leaders.yaml 中" → the reader's terms.
    .replace(/不在\s*content\/aliases\/\S+?\.yaml\s*中/g, '与本站整理的人名和单位名单对不上')
    .replace(/\s*content\/[\w./-]+/g, '')
    // Instructions to whoever maintains the data: "核实后请把它登记为…"、"请对照原件核实".
    .replace(/[，；]?\s*(?:核实后)?请[^。；]*[。；]?/g, '。')
    .replace(/。+/g, '。')
    .replace(/[：，；]。/g, '。')
    .trim();
  if (!m.endsWith('。')) m += '。';
  if (a.kind === 'unknown-name' && !m.includes('以原文件为准')) m = m.replace(/。$/, '，请以原文件为准。');
  return m;
}
