import type { Status, StatusSource } from '../schema';
import { readStatedStatus } from './stated-status';

export interface StatusReading {
  status: Status;
  statusSource: StatusSource;
  /** Stated: the word as printed (完成, 已移交经开区). Inferred: the phrase(s) that decided. */
  statusPhrase?: string;
}

// The stated side (the government's own words) lives in stated-status.ts.
export { readStatedStatus } from './stated-status';

/**
 * Rules for results that state no status (003). Deliberately small and documented on the about page:
 *   1. a "not done" phrase and nothing done or under way → notDone
 *   2. a "not done" phrase beside a done or under-way phrase → partial (some done, some not)
 *   3. an under-way phrase → partial
 *   4. a done phrase → done
 *   5. otherwise → unstated (no rule fired; we do not guess)
 * The phrases that fired are recorded as statusPhrase. An inferred status is never the government's word.
 */
export const INFERENCE_RULES = {
  notDone: ['尚未', '未开工', '未启动', '未完成', '暂未', '未能', '推迟', '延期', '滞后', '停滞', '未达到', '未批复', '暂缓', '不再实施', '未与', '未举办', '未取得', '未提交', '未签署', '未达成'],
  partial: ['正在', '推进中', '进行中', '加快推进', '有序推进', '稳步推进', '部分', '初步', '待', '启动', '开始'],
  done: ['已完成', '超额完成', '已建成', '已投用', '已投入使用', '投入使用', '已竣工', '竣工', '已全部', '全部完成', '已成立', '已揭牌', '已落户', '已开通', '通车', '已出让', '已发放', '发行上市', '已实现', '已落实', '已开工', '完成了', '已编制完成', '已形成'],
} as const;

function found(text: string, phrases: readonly string[]): string[] {
  // 未完成 contains 完成, 已完成 contains 完成: only whole phrases from the lists count, and a done phrase
  // inside a not-done phrase (e.g. "尚未完成") is not a done phrase.
  return phrases.filter((p) => text.includes(p));
}

export function inferStatus(result: string): StatusReading {
  const text = result.replace(/\s+/g, '');
  const notDone = found(text, INFERENCE_RULES.notDone);
  const masked = notDone.reduce((t, p) => t.split(p).join('□'), text);
  const partial = found(masked, INFERENCE_RULES.partial);
  const done = found(masked, INFERENCE_RULES.done);
  const phrase = (ps: string[]) => ps.slice(0, 3).join('、');
  if (notDone.length > 0 && done.length === 0 && partial.length === 0) return { status: 'notDone', statusSource: 'inferred', statusPhrase: phrase(notDone) };
  if (notDone.length > 0) return { status: 'partial', statusSource: 'inferred', statusPhrase: phrase([...notDone, ...done, ...partial]) };
  if (partial.length > 0) return { status: 'partial', statusSource: 'inferred', statusPhrase: phrase(partial) };
  if (done.length > 0) return { status: 'done', statusSource: 'inferred', statusPhrase: phrase(done) };
  return { status: 'unstated', statusSource: 'none' };
}

/** Stated if the source says it; otherwise inferred by the rules above (or unstated). Breakdowns are planned. */
export function readStatus(result: string | undefined, kind: 'breakdown' | 'progress'): StatusReading {
  if (kind === 'breakdown' || result === undefined) return { status: 'planned', statusSource: 'none' };
  return readStatedStatus(result) ?? inferStatus(result);
}
