// Cite the exact source line of a phrase: the extractors work on cleaned text (PDF spaces removed),
// so we clean each source line the same way and map offsets back to line numbers.
import type { Provenance } from '../schema/provenance';
import { cleanText } from '../targets/clean-text';

export interface LineIndex {
  text: string;
  /** [line, start offset in text] per source line. */
  starts: [number, number][];
}

export function indexLines(lines: readonly string[], firstLine: number): LineIndex {
  let text = '';
  const starts: [number, number][] = [];
  lines.forEach((l, i) => {
    starts.push([firstLine + i, text.length]);
    text += cleanText(l);
  });
  return { text, starts };
}

export function lineOf(index: LineIndex, offset: number): number {
  let line = index.starts[0]?.[0] ?? 1;
  for (const [l, s] of index.starts) {
    if (s > offset) break;
    line = l;
  }
  return line;
}

/** Provenance of the lines [from, to] of a file whose decoded lines are `all` (1-based). */
export function provenanceOf(file: string, all: readonly string[], from: number, to: number): Provenance {
  return { file, lines: [from, to], verbatim: all.slice(from - 1, to).join('\n') };
}

