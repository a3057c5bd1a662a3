import { z } from 'astro/zod';

/**
 * done 完成 · partial 部分完成 · onTrack 有序推进（按序时推进、正常推进、进展顺利）· behind 滞后（推进缓慢、
 * 未达序时进度、低于目标 N 个百分点）· notDone 未完成 · suspended 暂缓（暂不实施、因政策调整…）·
 * transferred 已移交 · planned 计划（分解表，无结果）· unstated 未标注. The English key is for code; the page
 * shows the Chinese label.
 */
export const statusSchema = z.enum(['done', 'partial', 'onTrack', 'behind', 'notDone', 'suspended', 'transferred', 'planned', 'unstated']);
export type Status = z.infer<typeof statusSchema>;

/** stated: the source's own word. inferred: our rule set read the result text (never shown as the government's word). none: nothing to state (targets only, or no rule fired). */
export const statusSourceSchema = z.enum(['stated', 'inferred', 'none']);
export type StatusSource = z.infer<typeof statusSourceSchema>;

export const STATUS_LABELS: Record<Status, string> = {
  done: '完成',
  partial: '部分完成',
  onTrack: '有序推进',
  behind: '滞后',
  notDone: '未完成',
  suspended: '暂缓实施',
  transferred: '已移交',
  planned: '计划',
  unstated: '未标注',
};

/** From furthest along to nothing stated (the enum's own order): charts, legends and lists follow it. */
export const STATUS_ORDER: readonly Status[] = statusSchema.options;

/** What each status means when the source states it (shown on /about/ and in the data dictionary). */
export const STATUS_DEFINITIONS: Record<Status, string> = {
  done: '原文写明“完成”“已完成”。',
  partial: '原文写明“部分完成”“基本完成”。',
  onTrack: '原文写明任务在按计划推进、尚未到完成期限：“有序推进”“按序时推进”“正常推进”“进展顺利”。',
  behind: '原文写明进度落后于计划：“滞后”“推进缓慢”“未达序时进度”“低于目标 N 个百分点”。',
  notDone: '原文写明“未完成”“尚未完成”（本期目标没有完成）。',
  suspended: '原文写明任务暂停或不再实施：“暂不实施”“暂缓实施”“因政策调整…暂不实施”。',
  transferred: '原文写明任务已移交其他管理机构（如“已移交经开区”），按原文照录。',
  planned: '任务目标分解表只列出各期目标，没有完成情况。',
  unstated: '原文没有写明状态，措辞也不足以判断。',
};

const count = z.number().int();
export const statusCountsSchema = z.object({
  done: count,
  partial: count,
  onTrack: count,
  behind: count,
  notDone: count,
  suspended: count,
  transferred: count,
  planned: count,
  unstated: count,
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const inferredCountsSchema = z.object({
  done: z.number().int(),
  partial: z.number().int(),
  notDone: z.number().int(),
});
export type InferredCounts = z.infer<typeof inferredCountsSchema>;

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as StatusCounts;
}
