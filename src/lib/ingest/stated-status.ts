import type { Status } from '../schema';
import type { StatusReading } from './status';

// The government's own status words. A word counts as stated only where the document puts a status: at
// the start of a result ("完成。…", "【有序推进】…"), alone in a status column, or as the heading of a prose
// bulletin's own classification ("一、未完成季度目标任务具体情况"). The same word in the middle of a
// narrative is not a statement (an inferred reading is the inference rules' business, in status.ts).

/** The words, per status, as shown on /about/. */
export const STATED_WORDS: Partial<Record<Status, string[]>> = {
  done: ['完成', '已完成'],
  partial: ['部分完成', '基本完成'],
  onTrack: ['有序推进', '按序时推进', '序时推进', '超序时推进', '正常推进', '进展顺利', '按计划推进'],
  behind: ['滞后', '进度滞后', '推进缓慢', '未达序时进度', '未按序时推进', '低于目标 N 个百分点'],
  notDone: ['未完成', '没有完成', '尚未完成'],
  suspended: ['暂不实施', '暂缓实施', '暂缓', '因政策调整…暂不实施'],
  transferred: ['已移交…', '移交…'],
};

const STOP = '[^。；;，,\\s】\\])）]';
// Longer words first so 部分完成 / 未完成 are not read as 完成, 进度滞后 not cut to 滞后.
const WORD = [
  '部分完成', '基本完成', '未完成', '没有完成', '尚未完成', '已完成', '完成',
  '有序推进(?:中)?', '未按序时(?:进度)?推进', '[按超]?序时(?:进度)?推进', '正常推进', '进展顺利', '按计划推进',
  '未达(?:到)?序时进度', '进度滞后', '滞后', '推进缓慢', '低于(?:序时|年度)?目标\\s*\\d+(?:\\.\\d+)?\\s*个百分点',
  '因' + STOP + '{1,20}?(?:暂不实施|暂缓实施|暂缓)', '暂不实施', '暂缓实施', '暂缓',
  `已移交${STOP}{0,12}`, `移交${STOP}{0,12}`,
].join('|');
// Either bracketed (【完成】, [完成]) or followed by punctuation, a space or the end of the cell.
const STATED = new RegExp(`^[\\s“"]*(?:[【\\[（(]\\s*(${WORD})\\s*[】\\]）)]|(${WORD})[\\s”"]*(?:[。．.：:；;，,！!]|$|\\s))`, 'u');

/** Which status a status word (or a classification phrase) names. Order matters: the first match wins. */
const PHRASE_MAP: [RegExp, Status][] = [
  [/部分完成|基本完成/, 'partial'],
  [/未达(到)?序时|未按序时|滞后|推进缓慢|低于.*个百分点/, 'behind'],
  [/暂不实施|暂缓|不再实施/, 'suspended'],
  [/未完成|没有完成|尚未完成/, 'notDone'],
  [/移交/, 'transferred'],
  [/有序推进|序时推进|序时进度推进|按序时|正常推进|进展顺利|按计划推进/, 'onTrack'],
  [/完成/, 'done'],
];

/** The status a word or phrase names, if any: 有序推进中 → onTrack, 未完成季度目标任务 → notDone. */
export function statusOfPhrase(phrase: string): Status | undefined {
  const text = phrase.replace(/\s+/g, '');
  return PHRASE_MAP.find(([re]) => re.test(text))?.[1];
}

/** The government's own word at the start of a result, if there is one. */
export function readStatedStatus(result: string): StatusReading | undefined {
  const m = STATED.exec(result.trim());
  if (!m) return undefined;
  const word = (m[1] ?? m[2])!.trim();
  const status = statusOfPhrase(word);
  return status ? { status, statusSource: 'stated', statusPhrase: word } : undefined;
}

/** A status column's cell: the whole cell is the word (完成 / 滞后 / 暂缓实施), or it opens with one. */
export function readStatusCell(cell: string): StatusReading | undefined {
  const text = cell.replace(/<[^>]*>/g, '').trim();
  if (text === '') return undefined;
  return readStatedStatus(text);
}
