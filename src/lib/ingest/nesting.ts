// How deeply a piece of source text nests, measured before any parser sees it. The HTML parser, the
// sanitiser, remark and the serialisers all recurse, so input nested thousands deep overflows the stack
// ("Maximum call stack size exceeded", with no file or line) or takes minutes; the ingest refuses text
// deeper than MARKUP_DEPTH_MAX (src/lib/limits.ts) at its file and line instead.

const VOID = new Set(['br', 'hr', 'img', 'wbr', 'input', 'meta', 'link', 'col', 'area', 'base', 'embed', 'param', 'source', 'track']);

/** Nesting of HTML tags in a table cell (an upper bound: unclosed tags count as open). */
export function markupDepth(raw: string): number {
  if (!raw.includes('<')) return 0;
  let depth = 0;
  let max = 0;
  for (const m of raw.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^<>]*?(\/?)>/g)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    max = Math.max(max, depth);
  }
  return max;
}

/**
 * Nesting a line of a Markdown work report can cause (an upper bound): block quotes (>), list levels
 * (leading indentation, two spaces a level), and emphasis (each pair of * or _ can open one level).
 */
export function markdownDepth(line: string): number {
  const lead = /^[\s>]*/.exec(line)![0];
  const quotes = lead.split('>').length - 1;
  const indent = lead.replace(/>/g, '').replace(/\t/g, '    ').length;
  const emphasis = (line.match(/[*_]/g)?.length ?? 0) / 2;
  return Math.max(quotes, Math.floor(indent / 2), Math.floor(emphasis));
}
