// The status facet keeps the government's word and our inference apart: 部分完成 (stated) and
// 推断·部分完成 are two values, never one count. Keys are URL-safe words (partial, inferredPartial).
import { STATUS_LABELS, STATUS_ORDER, type Status, type StatusSource } from '../schema';

export function statusFacetKey(status: Status, source: StatusSource): string {
  return source === 'inferred' ? `inferred${status[0]!.toUpperCase()}${status.slice(1)}` : status;
}

/** A task whose parts (sub-target rows) have different statuses: filed under none of them alone. */
export const MIXED_PARTS = 'mixedParts';

/** Every facet value in display order: each status, then the same status inferred by our rules, then tasks whose parts differ. */
export function statusFacetValues(): { key: string; label: string }[] {
  return [
    ...STATUS_ORDER.flatMap((s) => [
      { key: s, label: STATUS_LABELS[s] },
      { key: statusFacetKey(s, 'inferred'), label: `推断·${STATUS_LABELS[s]}` },
    ]),
    { key: MIXED_PARTS, label: '各部分状态不一' },
  ];
}
