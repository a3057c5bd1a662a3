import { cellText, pageLines, runsText, type PageLine, type TextRun } from './pdf-lines';
import type { Rulings } from './pdf-rulings';
import type { TableCell } from './types';

export type { PageLine, TextRun } from './pdf-lines';

// One PDF page's text runs rebuilt into lines, tables and the lines outside them. Tables come from the drawn
// borders when the page has them (cells are the boxes the lines enclose; a box spanning several columns or rows
// is a merged cell, its value given to every cell it covers), else from gaps in x shared by consecutive lines. Lines are numbered from the top of the
// page (第P页第L行), counting every line of text on it.

export interface PageTableRow {
  cells: TableCell[];
  line: number;
}

export type PageBlock =
  | { kind: 'line'; line: PageLine }
  /** `openBottom`: the last row has no border under it (a row the page break cut: it goes on overleaf). */
  | { kind: 'table'; rows: PageTableRow[]; line: number; width: number; x1: number; x2: number; openBottom?: boolean };

interface Grid {
  openBottom?: boolean;
  x1: number;
  x2: number;
  xs: number[];
  ys: number[]; // descending (top first)
  rows: PageTableRow[];
  top: number;
  bottom: number;
}

function cluster(values: number[], tol: number): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > tol) out.push(v);
  return out;
}

/** Tables enclosed by ruling lines; fills `used` with the runs placed in a table. */
function rulingTables(runs: TextRun[], rulings: Rulings, lineOf: Map<TextRun, number>, used: Set<TextRun>): Grid[] {
  const { h, v } = rulings;
  // Connected groups of crossing lines: each group with two or more of each is a table.
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const tol = 2;
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x >= a.x1 - tol && b.x <= a.x2 + tol && a.y >= b.y1 - tol && a.y <= b.y2 + tol) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { hs: typeof h; vs: typeof v }>();
  h.forEach((a, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    g.hs.push(a);
    groups.set(find(i), g);
  });
  v.forEach((b, j) => {
    const g = groups.get(find(h.length + j)) ?? { hs: [], vs: [] };
    g.vs.push(b);
    groups.set(find(h.length + j), g);
  });
  const grids: Grid[] = [];
  for (const { hs, vs } of groups.values()) {
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = cluster(vs.map((b) => b.x), 2);
    const ys = cluster(hs.map((a) => a.y), 2).reverse();
    // Column borders that run on below the last row border: a row cut by the page break, closed here.
    const lowest = Math.min(...vs.map((b) => b.y1));
    const openBottom = ys.length > 0 && ys.at(-1)! - lowest > 3;
    if (openBottom) ys.push(lowest);
    // A single box (a frame round the page or a note) is not a table: its text stays lines.
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) < 2) continue;
    const nc = xs.length - 1;
    const nr = ys.length - 1;
    // Is there a border between column j and j+1 in band i, and between band i and i+1 in column j?
    const vEdge = (i: number, j: number) => {
      const mid = (ys[i]! + ys[i + 1]!) / 2;
      return vs.some((b) => Math.abs(b.x - xs[j + 1]!) <= 2 && b.y1 <= mid && b.y2 >= mid);
    };
    const hEdge = (i: number, j: number) => {
      const mid = (xs[j]! + xs[j + 1]!) / 2;
      return hs.some((a) => Math.abs(a.y - ys[i + 1]!) <= 2 && a.x1 <= mid && a.x2 >= mid);
    };
    const owner = Array.from({ length: nr }, (_, i) => Array.from({ length: nc }, (_, j) => [i, j] as [number, number]));
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) {
      if (j > 0 && !vEdge(i, j - 1)) owner[i]![j] = owner[i]![j - 1]!;
      else if (i > 0 && !hEdge(i - 1, j)) owner[i]![j] = owner[i - 1]![j]!;
    }
    const cellRuns = new Map<string, TextRun[]>();
    for (const r of runs) {
      const cx = r.x + Math.min(r.w, r.size) / 2;
      const cy = r.y + r.size * 0.35;
      if (cx < xs[0]! || cx > xs[nc]! || cy > ys[0]! || cy < ys[nr]!) continue;
      const j = xs.findIndex((x, k) => k < nc && cx >= x && cx < xs[k + 1]!);
      const i = ys.findIndex((y, k) => k < nr && cy <= y && cy > ys[k + 1]!);
      if (i < 0 || j < 0) continue;
      const [oi, oj] = owner[i]![j]!;
      const list = cellRuns.get(`${oi},${oj}`) ?? [];
      list.push(r);
      cellRuns.set(`${oi},${oj}`, list);
      used.add(r);
    }
    const textOf = new Map<string, string>();
    const right = (oi: number, oj: number) => {
      let j = oj;
      while (j + 1 < nc && owner[oi]![j + 1]![1] === oj && owner[oi]![j + 1]![0] === oi) j++;
      return xs[j + 1]!;
    };
    for (const [k, list] of cellRuns) {
      const [oi, oj] = k.split(',').map(Number) as [number, number];
      textOf.set(k, cellText(list, right(oi, oj)));
    }
    const rows: PageTableRow[] = [];
    for (let i = 0; i < nr; i++) {
      if (ys[i]! - ys[i + 1]! < 3) continue; // a double border, not a row
      const owners = new Set(owner[i]!.map(([a, b]) => `${a},${b}`));
      const lineNos = runs.filter((r) => used.has(r) && r.y + r.size * 0.35 <= ys[i]! && r.y + r.size * 0.35 > ys[i + 1]!).map((r) => lineOf.get(r)!);
      if (lineNos.length === 0 && [...owners].every((k) => !textOf.get(k))) continue; // an empty band
      const line = lineNos.length ? Math.min(...lineNos) : rows.at(-1)?.line ?? 1;
      if (owners.size === 1 && nc > 1) {
        rows.push({ cells: [{ text: textOf.get([...owners][0]!) ?? '', colSpan: nc }], line });
        continue;
      }
      const cells: TableCell[] = owner[i]!.map(([oi, oj], j) => {
        const text = textOf.get(`${oi},${oj}`) ?? '';
        if (oi === i && oj === j) return { text };
        return { text, mergedFrom: oi < i ? 'above' : 'left' };
      });
      rows.push({ cells, line });
    }
    if (rows.length) grids.push({ xs, ys, rows, top: ys[0]!, bottom: ys[nr]!, openBottom, x1: xs[0]!, x2: xs[nc]! });
  }
  return grids;
}

/** Segments of a line: runs closer than `gap` belong together. */
function segments(line: PageLine): { x1: number; x2: number; runs: TextRun[] }[] {
  const out: { x1: number; x2: number; runs: TextRun[] }[] = [];
  for (const r of [...line.runs].sort((a, b) => a.x - b.x)) {
    const last = out.at(-1);
    if (last && r.x - last.x2 <= 0.6 * r.size) {
      last.runs.push(r);
      last.x2 = Math.max(last.x2, r.x + r.w);
    } else out.push({ x1: r.x, x2: r.x + r.w, runs: [r] });
  }
  return out;
}

/** Tables without borders: a run of lines starting with one of three or more segments, columns from the gaps. */
function gapTables(lines: PageLine[], used: Set<TextRun>): Grid[] {
  const grids: Grid[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (first.runs.some((r) => used.has(r)) || segments(first).length < 3) continue;
    const region = [first];
    const width = first.x2 - first.x1;
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k]!;
      const prev = region.at(-1)!;
      if (l.runs.some((r) => used.has(r)) || prev.y - l.y > 2.5 * Math.max(prev.size, l.size)) break;
      const segs = segments(l);
      if (segs.length < 2 && segs[0]!.x2 - segs[0]!.x1 > 0.4 * width) break;
      region.push(l);
    }
    if (region.length < 2) continue;
    // Column boundaries: x positions no segment of the region covers.
    const spans = region.flatMap(segments).sort((a, b) => a.x1 - b.x1);
    const cols: { x1: number; x2: number }[] = [];
    for (const s of spans) {
      const last = cols.at(-1);
      if (last && s.x1 <= last.x2 + 0.3 * first.size) last.x2 = Math.max(last.x2, s.x2);
      else cols.push({ x1: s.x1, x2: s.x2 });
    }
    if (cols.length < 2) continue;
    const colOf = (x: number) => Math.max(0, cols.findIndex((c, j) => x >= c.x1 - 1 && (j === cols.length - 1 || x < cols[j + 1]!.x1 - 1)));
    // A row starts where the first column has text (序号), when that column has text on two or more lines;
    // otherwise at every line with two or more cells.
    const firstColFilled = region.filter((l) => colOf(segments(l)[0]!.x1) === 0).length >= 2;
    const rows: { runs: TextRun[][]; line: number }[] = [];
    for (const l of region) {
      const segs = segments(l);
      // The first row (usually the header) takes the lines below it until one opens with a number (1, 一、).
      const opensNumbered = /^\s*[（(]?[\d一二三四五六七八九十]/u.test(segs[0]!.runs.map((r) => r.text).join(''));
      const starts = rows.length === 0 || (firstColFilled ? colOf(segs[0]!.x1) === 0 && (rows.length > 1 || opensNumbered) : segs.length >= 2);
      if (starts) rows.push({ runs: cols.map(() => []), line: l.n });
      for (const s of segs) rows.at(-1)!.runs[colOf(s.x1)]!.push(...s.runs);
      for (const r of l.runs) used.add(r);
    }
    grids.push({
      xs: [],
      ys: [],
      rows: rows.map((r) => ({ cells: r.runs.map((runs, j) => ({ text: cellText(runs, cols[j]!.x2) })), line: r.line })),
      top: first.y + first.size,
      bottom: region.at(-1)!.y,
      x1: cols[0]!.x1,
      x2: cols.at(-1)!.x2,
    });
    i += region.length - 1;
  }
  return grids;
}

/** The page in reading order: lines outside tables and tables, each at its first line. */
export function layoutPage(runs: TextRun[], rulings: Rulings): PageBlock[] {
  const lines = pageLines(runs);
  const lineOf = new Map<TextRun, number>();
  for (const l of lines) for (const r of l.runs) lineOf.set(r, l.n);
  const used = new Set<TextRun>();
  const grids = rulingTables(runs, rulings, lineOf, used);
  const rest = lines.map((l) => ({ ...l, runs: l.runs.filter((r) => !used.has(r)) })).filter((l) => l.runs.length > 0);
  const restLines = rest.map((l) => ({ ...l, x1: Math.min(...l.runs.map((r) => r.x)), x2: Math.max(...l.runs.map((r) => r.x + r.w)), text: runsText(l.runs) }));
  grids.push(...gapTables(restLines, used));
  const blocks: PageBlock[] = grids.map((g) => ({
    kind: 'table',
    rows: g.rows,
    line: g.rows[0]!.line,
    width: Math.max(...g.rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0))),
    x1: g.x1,
    x2: g.x2,
    ...(g.openBottom ? { openBottom: true } : {}),
  }));
  for (const l of restLines) if (!l.runs.some((r) => used.has(r))) blocks.push({ kind: 'line', line: l });
  return blocks.sort((a, b) => (a.kind === 'line' ? a.line.n : a.line) - (b.kind === 'line' ? b.line.n : b.line));
}
