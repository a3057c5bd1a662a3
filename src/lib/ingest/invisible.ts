// Unicode format characters (general category Cf: zero-width space and joiners, bidi embeddings and
// overrides such as U+202E, a BOM inside the text, soft hyphen, word joiner…) are invisible on a page
// but make "区发\u200B改局" a different name from 区发改局, and a bidi override can reorder what a reader
// sees. They are removed once, from the decoded lines, before anything is parsed, so every output
// (names, pledges, results, ids, search, CSV, the source view) agrees; each line that held any gets an
// `invisible-character` anomaly with its line number. The verbatim file keeps them (sha256 unchanged).
import type { AnomalyDraft } from './parse-report';

const FORMAT = /\p{Cf}/gu;

const NAMES: Record<string, string> = {
  '\u00AD': '软连字符',
  '\u061C': '阿拉伯字母标记',
  '\u200B': '零宽空格',
  '\u200C': '零宽不连字',
  '\u200D': '零宽连字',
  '\u200E': '从左至右标记',
  '\u200F': '从右至左标记',
  '\u202A': '从左至右嵌入',
  '\u202B': '从右至左嵌入',
  '\u202C': '方向格式结束',
  '\u202D': '从左至右强制',
  '\u202E': '从右至左强制',
  '\u2060': '词连接符',
  '\u2066': '从左至右隔离',
  '\u2067': '从右至左隔离',
  '\u2068': '首强隔离',
  '\u2069': '方向隔离结束',
  '\uFEFF': '字节顺序标记（BOM）',
};

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Remove format characters from a string (for text that does not come from a numbered line, e.g. the manifest). */
function stripInvisible(s: string): string {
  return s.replace(FORMAT, '');
}

/** True when the string holds a format character. */
export function hasInvisible(s: string): boolean {
  return /\p{Cf}/u.test(s);
}

/** What a string holds, for a message: "U+200B（零宽空格）×2、U+202E（从右至左强制）". */
export function describeInvisible(s: string): string {
  const counts = new Map<string, number>();
  for (const c of s.match(FORMAT) ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].map(([c, n]) => `${codePoint(c)}${NAMES[c] ? `（${NAMES[c]}）` : ''}${n > 1 ? `×${n}` : ''}`).join('、');
}

/** The lines without format characters, and one anomaly per line that held any. */
export function removeInvisibleLines(lines: readonly string[]): { lines: string[]; anomalies: AnomalyDraft[] } {
  const anomalies: AnomalyDraft[] = [];
  const out = lines.map((line, i) => {
    if (!hasInvisible(line)) return line;
    anomalies.push({
      line: i + 1,
      kind: 'invisible-character',
      message: `这一行含有看不见的格式字符 ${describeInvisible(line)}：它们会让同一名称显得相同却被当作不同名称，或改变文字的显示顺序，已从本站显示、比对和下载的文字中删除（原件未改动），请对照原件核实。`,
    });
    return stripInvisible(line);
  });
  return { lines: out, anomalies };
}
