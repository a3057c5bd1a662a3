// How a status is worded on a page. The government's own word is shown as printed; a status our
// rules inferred is always marked 推断 and carries the phrase that decided it.
import { STATUS_LABELS, type Status, type StatusSource } from '../schema/status';

export interface StatusDisplay {
  /** Text shown in the badge. */
  text: string;
  /** stated | inferred | none: drives the badge style (inferred = dashed outline, pale fill). */
  source: StatusSource;
  status: Status;
  /** Longer explanation for title/aria (why we show what we show). */
  note: string;
}

export function statusDisplay(status: Status, source: StatusSource, phrase?: string): StatusDisplay {
  const label = STATUS_LABELS[status];
  if (source === 'inferred') {
    // A partial verdict from a mix carries both sides (status.ts): "not-done phrases；done or under-way ones".
    const [notDone, progress] = phrase?.includes('；') ? phrase.split('；') : [];
    const why = notDone !== undefined ? `（依据：未完成的“${notDone}”，已完成或在推进的“${progress}”）` : phrase ? `（依据“${phrase}”）` : '';
    return { text: `推断：${label}${why}`, source, status, note: `原文未写明状态，本站根据完成情况中的措辞推断为“${label}”${why}，不是政府的表述。` };
  }
  if (source === 'stated') {
    const printed = phrase && phrase.trim() ? phrase.trim() : label;
    return { text: printed, source, status, note: printed === label ? `原文标注：${label}` : `原文标注：“${printed}”（归类为${label}）` };
  }
  if (status === 'planned') return { text: '计划（仅有目标）', source, status, note: '文件只列目标（任务分解表或政府工作报告），没有完成情况。' };
  return { text: '未标注', source, status, note: '原文没有写明状态，措辞也不足以推断。' };
}
