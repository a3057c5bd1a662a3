// What a page shows of a report's anomalies: every count, but only the first few in full. A report with
// thousands of unplaceable lines would otherwise make pages of hundreds of megabytes; the complete list
// is the report's anomalies.csv download (and the quality totals count them all).
import { ANOMALIES_SHOWN_PER_REPORT, VERBATIM_SHOWN_MAX } from '../limits';
import type { Anomaly } from '../schema';

export interface AnomalySummary {
  /** The first anomalies in source order, verbatim lines cut to VERBATIM_SHOWN_MAX. */
  shown: (Anomaly & { verbatimCut: number })[];
  /** How many more there are than shown. */
  hidden: number;
  /** Count per kind, most frequent first. */
  byKind: [Anomaly['kind'], number][];
}

export function summariseAnomalies(items: readonly Anomaly[], limit = ANOMALIES_SHOWN_PER_REPORT): AnomalySummary {
  const byKind = new Map<Anomaly['kind'], number>();
  for (const a of items) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  const shown = items.slice(0, limit).map((a) => {
    const chars = [...a.verbatim];
    return chars.length > VERBATIM_SHOWN_MAX ? { ...a, verbatim: chars.slice(0, VERBATIM_SHOWN_MAX).join(''), verbatimCut: chars.length - VERBATIM_SHOWN_MAX } : { ...a, verbatimCut: 0 };
  });
  return { shown, hidden: Math.max(0, items.length - limit), byKind: [...byKind].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) };
}
