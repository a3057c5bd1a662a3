// Text runs of a PDF page grouped into lines, and the text of a line or of a table cell: where a space goes
// between runs, and how wrapped lines join (Chinese prose directly, Latin words and lists of names with a space).

export interface TextRun {
  text: string;
  x: number;
  /** Baseline, PDF space (y grows upwards). */
  y: number;
  w: number;
  size: number;
  /** The PDF draws a space after this run. */
  spaceAfter?: boolean;
}

export interface PageLine {
  runs: TextRun[];
  y: number;
  x1: number;
  x2: number;
  size: number;
  /** 1-based line number on the page, from the top. */
  n: number;
  text: string;
}

const WORD_END = /[A-Za-z0-9]$/;
const WORD_START = /^[A-Za-z0-9]/;

/**
 * Join two pieces of a line, or two wrapped lines of one cell or paragraph: with a space when asked, or
 * (`space` 'wrap') when a line wrapped between two Latin words; Chinese text and punctuation join directly.
 */
export function joinText(a: string, b: string, space: boolean | 'wrap'): string {
  if (a === '' || b === '') return a + b;
  const spaced = space === 'wrap' ? WORD_END.test(a) && WORD_START.test(b) : space;
  return spaced ? `${a} ${b}` : a + b;
}

export function runsText(runs: TextRun[]): string {
  let text = '';
  let prev: TextRun | undefined;
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    text = prev ? joinText(text, r.text, Boolean(prev.spaceAfter) || r.x - (prev.x + prev.w) > 0.8 * r.size) : r.text;
    prev = r;
  }
  return text;
}

/** Runs grouped into lines (same baseline within half a character), top to bottom. */
export function pageLines(runs: TextRun[]): PageLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g[0]!.y - r.y) <= 0.5 * Math.min(g[0]!.size, r.size)) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g, i) => ({
    runs: g,
    y: g[0]!.y,
    x1: Math.min(...g.map((r) => r.x)),
    x2: Math.max(...g.map((r) => r.x + r.w)),
    size: Math.max(...g.map((r) => r.size)),
    n: i + 1,
    text: runsText(g),
  }));
}

const ORG_END = /(局|委|办|会|室|中心|院|处|司|队|所|站|部|镇|街道|政府|公司|集团|银行|[)）])$/u;
const ORG_START = /^(区|市|县|省)/u;
const ORG_CHAR = /[局委办会室心院处司队所站部镇道府区市县]/u;

/**
 * At a wrap inside a list of names separated by spaces (分管区领导, 责任单位): was the line broken at a space
 * (两个名称之间) or inside a name (区统|计局, 于|海南)? A unit name ends in 局/委/中心… and the next often starts
 * with 区/市/县; a person's name is two to four characters, so a one-character piece is half of something.
 */
function listBreakIsSpace(before: string, after: string): boolean {
  const a = before.split(' ').at(-1) ?? '';
  const b = after.split(' ')[0] ?? '';
  if (ORG_END.test(a)) return true;
  if ([...a].length < 2 || [...b].length < 2) return false;
  if ([...a].length >= 4 && ORG_START.test(b)) return true; // 区统计局提供数据 | 区发改局
  return !ORG_CHAR.test(a) && !ORG_CHAR.test(b);
}

/**
 * Text of a cell: its runs as lines, wrapped lines joined. Chinese prose wraps anywhere and joins without a
 * space, unless the line stopped well short of the cell's right edge; a list of names separated by spaces
 * wraps mostly at its spaces (listBreakIsSpace).
 */
export function cellText(runs: TextRun[], right: number): string {
  const lines = pageLines(runs);
  const list = lines.filter((l) => / /.test(l.text.trim())).length * 2 >= lines.length && lines.length > 1;
  let text = '';
  let prev: PageLine | undefined;
  for (const l of lines) {
    text = prev ? joinText(text, l.text, list ? listBreakIsSpace(text, l.text) : right - prev.x2 > 3 * prev.size || 'wrap') : l.text;
    prev = l;
  }
  return text.trim();
}
