import type { Status, StatusSource } from '../schema';
import { readStatedStatus } from './stated-status';
import { compareQuantities, shareOfGoal } from './status-quantities';
import { findEvidence, type Evidence } from './status-terms';

export interface StatusReading {
  status: Status;
  statusSource: StatusSource;
  /** Stated: the word as printed (完成, 已移交经开区). Inferred: the phrase(s) that decided. */
  statusPhrase?: string;
}

// The stated side (the government's own words) lives in stated-status.ts.

/**
 * Rules for results that state no status (临淄 2021 Q3 states none). Small on purpose, and shown on the
 * about page (src/pages/about.astro renders these lists):
 *   - Terms count only as whole terms: a term inside a longer word listed under notInside is not the term
 *     (通车 in 直通车).
 *   - A negated term counts as not done, never for its positive: a negator and, in the same clause, a term
 *     it negates (尚未启动招投标, 年底前不能全部完成, 未取得土地指标).
 *   - Numbers: where the period target and the result count the same thing, falling short is under way
 *     (新选聘“科技副总”6人 against 15人以上), and reaching every figure of the target is done; a result
 *     giving its own share of a goal below 100% (完成年度目标任务的55%) is under way. Forecasts (预计) are
 *     no result (status-quantities.ts).
 * Then the verdict:
 *   1. not-done evidence only → notDone
 *   2. not-done evidence beside done or under-way evidence → partial (some done, some not)
 *   3. under-way evidence → partial
 *   4. done evidence only → done
 *   5. nothing → unstated (no rule fired; we do not guess)
 * statusPhrase lists every phrase that decided, in reading order, with nothing cut: for 2 the not-done
 * phrases, then (after "；") the done and under-way ones. An inferred status is never the government's word.
 */
export const INFERENCE_RULES = {
  /** "Not yet": negates whatever verb follows (尚未批复, 暂未完善). */
  notYet: ['尚未', '暂未', '仍未', '还未', '未能'],
  /** Negate a done, under-way or listed term after them in the same clause (不能全部完成, 未取得). */
  negators: ['没有', '不能', '无法', '不再', '未'],
  /** Terms a negator turns into "not done" (besides the done and under-way terms). */
  negatable: ['开工', '启动', '完成', '批复', '达到', '达成', '取得', '提交', '签署', '举办', '办结', '进行', '实施', '拨付', '到位', '确定', '定', '落实', '开展', '建成', '投用', '具备'],
  notDone: ['推迟', '延期', '延后', '滞后', '停滞', '暂缓', '搁置', '未定'],
  underway: ['正在', '推进中', '进行中', '进展顺利', '按序时推进', '正常推进', '办理中', '建设中', '实施中', '施工中', '谋划中', '加快推进', '有序推进', '稳步推进', '部分', '初步', '待', '启动', '开始', '基本完成', '基本完工', '基本建成'],
  done: ['已完成', '超额完成', '已建成', '已投用', '已投入使用', '投入使用', '已竣工', '竣工', '已全部', '全部完成', '已成立', '已揭牌', '已落户', '已开通', '通车', '已出让', '已发放', '发行上市', '已实现', '已落实', '已开工', '完成了', '已编制完成', '已形成'],
  /** Longer words a term sits inside without meaning itself. */
  notInside: {
    通车: ['直通车', '通车条件'],
    未: ['未来', '未就业', '未成年'],
    待: ['待遇', '接待', '期待', '对待', '看待', '招待', '有待'],
    初步: ['初步设计'],
    部分: ['大部分'],
    定: ['定期', '定向', '定点'],
  } as Record<string, readonly string[]>,
} as const;

const decided = (xs: Evidence[]) => [...new Set(xs.map((x) => x.phrase))].join('、');

/** Infer a status from a result that states none; `targets` are the period target cells of the same row. */
export function inferStatus(result: string, targets: readonly string[] = []): StatusReading {
  const text = result.replace(/\s+/g, '');
  const evidence = [
    ...findEvidence(text, INFERENCE_RULES),
    ...compareQuantities(targets.map((t) => t.replace(/\s+/g, '')), text),
    ...shareOfGoal(text),
  ].sort((a, b) => a.at - b.at);
  const of = (k: Evidence['kind']) => evidence.filter((e) => e.kind === k);
  const [notDone, underway, done] = [of('notDone'), of('underway'), of('done')];
  const inferred = (status: Status, phrase: string): StatusReading => ({ status, statusSource: 'inferred', statusPhrase: phrase });
  if (notDone.length > 0 && done.length + underway.length === 0) return inferred('notDone', decided(notDone));
  if (notDone.length > 0) return inferred('partial', `${decided(notDone)}；${decided([...done, ...underway].sort((a, b) => a.at - b.at))}`);
  if (underway.length > 0) return inferred('partial', decided(underway));
  if (done.length > 0) return inferred('done', decided(done));
  return { status: 'unstated', statusSource: 'none' };
}

/** Stated if the source says it; otherwise inferred by the rules above (or unstated). Breakdowns are planned. */
export function readStatus(result: string | undefined, kind: 'breakdown' | 'progress', targets: readonly string[] = []): StatusReading {
  if (kind === 'breakdown' || result === undefined) return { status: 'planned', statusSource: 'none' };
  return readStatedStatus(result) ?? inferStatus(result, targets);
}
