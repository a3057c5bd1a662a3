import { z } from 'astro/zod';

/**
 * done 完成 · partial 部分完成 · notDone 未完成 · transferred 已移交 · planned 计划（分解表，无结果）·
 * unstated 未标注. The English key is for code; the page shows the Chinese label.
 */
export const statusSchema = z.enum(['done', 'partial', 'notDone', 'transferred', 'planned', 'unstated']);
export type Status = z.infer<typeof statusSchema>;

/** stated: the source's own word. inferred: our rule set read the result text (never shown as the government's word). none: nothing to state (targets only, or no rule fired). */
export const statusSourceSchema = z.enum(['stated', 'inferred', 'none']);
export type StatusSource = z.infer<typeof statusSourceSchema>;

export const STATUS_LABELS: Record<Status, string> = {
  done: '完成',
  partial: '部分完成',
  notDone: '未完成',
  transferred: '已移交',
  planned: '计划',
  unstated: '未标注',
};

export const STATUS_ORDER: readonly Status[] = ['done', 'partial', 'notDone', 'transferred', 'planned', 'unstated'];

export const statusCountsSchema = z.object({
  done: z.number().int(),
  partial: z.number().int(),
  notDone: z.number().int(),
  transferred: z.number().int(),
  planned: z.number().int(),
  unstated: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const inferredCountsSchema = z.object({
  done: z.number().int(),
  partial: z.number().int(),
  notDone: z.number().int(),
});
export type InferredCounts = z.infer<typeof inferredCountsSchema>;

export function emptyStatusCounts(): StatusCounts {
  return { done: 0, partial: 0, notDone: 0, transferred: 0, planned: 0, unstated: 0 };
}
