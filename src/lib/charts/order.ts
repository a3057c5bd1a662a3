import { STATUS_ORDER } from '../schema/status';
import type { StatusCount, StatusKey } from './types';

/** Canonical drawing order: status order, the stated count before the inferred one. Drops zeros. */
export function orderCounts(counts: StatusCount[]): StatusCount[] {
  const rank = (k: StatusKey) => STATUS_ORDER.indexOf(k.status) * 2 + (k.inferred ? 1 : 0);
  return counts.filter((c) => c.count > 0).sort((a, b) => rank(a) - rank(b));
}

export function keysOf(counts: StatusCount[]): StatusKey[] {
  const seen = new Map<string, StatusKey>();
  for (const c of orderCounts(counts)) seen.set(`${c.status}${c.inferred}`, { status: c.status, inferred: c.inferred });
  return [...seen.values()];
}
