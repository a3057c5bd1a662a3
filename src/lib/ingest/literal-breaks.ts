// Some aggregators store a page's line breaks as the literal characters \r\n (a backslash and a letter),
// so the whole report arrives as one physical line. Such text is split at those sequences into the
// canonical lines the parsers read; each line keeps where it sits in the file (line and piece).

const LITERAL_BREAK = /\\r\\n|\\n|\\r/g;

export interface ExpandedLines {
  lines: string[];
  /** Per canonical line, its place in the file: 第1行第5段（原文以字面“\r\n”分行）. */
  where: string[];
}

/** Split lines at literal \r\n when the text holds more of them than real line breaks; undefined otherwise. */
export function expandLiteralBreaks(lines: readonly string[]): ExpandedLines | undefined {
  const literal = lines.reduce((n, l) => n + (l.match(LITERAL_BREAK)?.length ?? 0), 0);
  const real = lines.filter((l) => l.trim() !== '').length;
  if (literal < 3 || literal <= real) return undefined;
  const out: ExpandedLines = { lines: [], where: [] };
  lines.forEach((line, i) => {
    line.split(LITERAL_BREAK).forEach((piece, k, all) => {
      out.lines.push(piece);
      out.where.push(all.length > 1 ? `第${i + 1}行第${k + 1}段（原文以字面“\\r\\n”分行）` : `第${i + 1}行`);
    });
  });
  return out;
}
