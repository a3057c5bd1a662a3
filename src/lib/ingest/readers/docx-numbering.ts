import { attr, child, kids, tagOf, type XNode } from './ooxml';

// Word's automatic list numbers (1. 2. 3., 一、二、三、, （一）, ①) are not in the paragraph's text: they come from
// word/numbering.xml and the paragraph's w:numPr. A bulletin typed as a numbered list would lose its
// 序号 without them, so they are counted here in document order and put back in front of the text.
// Numbering that comes only through a paragraph style (styles.xml) is not followed.

interface Level {
  start: number;
  format: string;
  text: string;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chinese(n: number): string {
  if (n < 10) return CN[n]!;
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  return String(n);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'japaneseCounting': case 'ideographDigital': case 'taiwaneseCounting':
      return chinese(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalZero': return String(n).padStart(2, '0');
    case 'lowerLetter': return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter': return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    default: return String(n);
  }
}

export class Numbering {
  private levels = new Map<string, Map<number, Level>>();
  private counters = new Map<string, number[]>();

  constructor(tree: XNode[] | undefined) {
    const root = tree?.find((n) => tagOf(n) === 'w:numbering');
    if (!root) return;
    const abstract = new Map<string, Map<number, Level>>();
    for (const n of kids(root)) {
      if (tagOf(n) !== 'w:abstractNum') continue;
      const lvls = new Map<number, Level>();
      for (const l of kids(n)) {
        if (tagOf(l) !== 'w:lvl') continue;
        const val = (tag: string) => attr(child(l, tag) ?? {}, 'w:val');
        lvls.set(Number(attr(l, 'w:ilvl') ?? 0), { start: Number(val('w:start') ?? 1), format: val('w:numFmt') ?? 'decimal', text: val('w:lvlText') ?? '' });
      }
      abstract.set(attr(n, 'w:abstractNumId') ?? '', lvls);
    }
    for (const n of kids(root)) {
      if (tagOf(n) !== 'w:num') continue;
      const base = abstract.get(attr(child(n, 'w:abstractNumId') ?? {}, 'w:val') ?? '');
      if (!base) continue;
      const lvls = new Map(base);
      for (const o of kids(n)) {
        if (tagOf(o) !== 'w:lvlOverride') continue;
        const start = attr(child(o, 'w:startOverride') ?? {}, 'w:val');
        const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
        if (start !== undefined && lvls.has(ilvl)) lvls.set(ilvl, { ...lvls.get(ilvl)!, start: Number(start) });
      }
      this.levels.set(attr(n, 'w:numId') ?? '', lvls);
    }
  }

  /** The list label of a paragraph (w:pPr), counting it; undefined when it has none (or a bullet). */
  labelOf(p: XNode): string | undefined {
    const numPr = child(child(p, 'w:pPr') ?? {}, 'w:numPr');
    if (!numPr) return undefined;
    const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val') ?? '0';
    const ilvl = Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? 0);
    const lvls = this.levels.get(numId);
    const level = lvls?.get(ilvl);
    if (!lvls || !level || level.format === 'bullet' || level.format === 'none') return undefined;
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl]! + 1;
    counts.length = ilvl + 1; // a higher level restarts the ones below it
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = lvls.get(i);
      return l ? formatNumber(counts[i] ?? l.start, l.format) : '';
    });
  }
}
