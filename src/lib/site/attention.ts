// What a reader came to find first: the pledges not (yet) done. Statuses are iterated from STATUS_ORDER,
// so statuses added later (behind, suspended, onTrack…) land among those needing attention by default.
import { STATUS_LABELS, STATUS_ORDER, type Status, type StatusSource } from '~/lib/schema/status';

/** Statuses that need no follow-up question from a reader: finished, handed over, or not assessable. */
const SETTLED: ReadonlySet<string> = new Set(['done', 'transferred', 'planned', 'unstated']);

export const needsAttention = (s: Status): boolean => !SETTLED.has(s);

/** STATUS_ORDER with the statuses needing attention first (least advanced first), then the settled ones. */
export function attentionOrder(): Status[] {
  const open = STATUS_ORDER.filter(needsAttention).reverse();
  return [...open, ...STATUS_ORDER.filter((s) => !needsAttention(s))];
}

export interface StatusGroup<T> {
  status: Status;
  label: string;
  items: T[];
  /** How many of `items` carry an inferred status (never the government's word). */
  inferred: number;
  attention: boolean;
}

/** Group items by status in attention order; empty groups are left out. */
export function groupByStatus<T>(items: readonly T[], get: (item: T) => { status: Status; source: StatusSource }): StatusGroup<T>[] {
  return attentionOrder()
    .map((status) => {
      const mine = items.filter((x) => get(x).status === status);
      return { status, label: STATUS_LABELS[status], items: mine, inferred: mine.filter((x) => get(x).source === 'inferred').length, attention: needsAttention(status) };
    })
    .filter((g) => g.items.length > 0);
}
