// The source renderings the ingest writes next to the dataset (generated/renderings/<reportId>.json),
// one per report: the parsed lines and, per line, where it sits in the original file.
import type { Rendering } from '../schema/rendering';

interface ParsedLines {
  lines: string[];
  /** Per canonical line, the location label in the original file (set by the format readers). */
  where?: (string | null)[];
}

export function renderingOf(report: { id: string; source: { file: string; format?: string } }, parsed: ParsedLines): Rendering {
  const where = parsed.where && parsed.where.length === parsed.lines.length ? parsed.where : parsed.lines.map(() => null);
  return { reportId: report.id, file: report.source.file, format: report.source.format ?? 'text', lines: parsed.lines, where };
}

/** `renderings/<id>.json` → rendering, for writeDataset's nested files. */
export function renderingFiles(parsed: { report: { id: string; source: { file: string } }; parsed: ParsedLines }[]): Record<string, Rendering> {
  return Object.fromEntries(parsed.map((x) => [`renderings/${x.report.id}.json`, renderingOf(x.report, x.parsed)]));
}
