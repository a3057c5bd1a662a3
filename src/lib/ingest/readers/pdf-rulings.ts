// The drawn table borders of a PDF page ("ruling lines"), from pdf.js's operator list: thin filled rectangles
// (how Chromium and Word draw borders) and straight stroked segments, in page space (the same space as the
// text positions), merged where collinear. Curves, clipping paths and large filled areas are not borders.

export interface HLine {
  y: number;
  x1: number;
  x2: number;
}
export interface VLine {
  x: number;
  y1: number;
  y2: number;
}
export interface Rulings {
  h: HLine[];
  v: VLine[];
}

type Matrix = [number, number, number, number, number, number];

/** pdf.js OPS codes used here (stable across pdf.js 4–5; passed in so this module needs no pdf.js import). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const THIN = 2.5; // a border is at most this thick (points)
const MIN_LENGTH = 4; // and at least this long
const SNAP = 1.5; // coordinates this close are the same line

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Sub-paths of pdf.js path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath). */
function subPaths(data: ArrayLike<number>, ctm: Matrix): { points: [number, number][]; curved: boolean; closed: boolean }[] {
  const out: { points: [number, number][]; curved: boolean; closed: boolean }[] = [];
  let cur: (typeof out)[number] | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      cur = { points: [apply(ctm, data[i]!, data[i + 1]!)], curved: false, closed: false };
      out.push(cur);
      i += 2;
    } else if (op === 1) {
      cur?.points.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === 2) {
      if (cur) cur.curved = true;
      cur?.points.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      i += 6;
    } else if (op === 3) {
      if (cur) cur.curved = true;
      cur?.points.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      i += 4;
    } else if (op === 4) {
      if (cur) cur.closed = true;
    } else break; // unknown op: stop rather than misread coordinates
  }
  return out;
}

export function extractRulings(fnArray: number[], argsArray: unknown[], OPS: OpCodes): Rulings {
  const h: HLine[] = [];
  const v: VLine[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const segment = (a: [number, number], b: [number, number]) => {
    if (Math.abs(a[1] - b[1]) < 0.5 && Math.abs(a[0] - b[0]) >= MIN_LENGTH) h.push({ y: (a[1] + b[1]) / 2, x1: Math.min(a[0], b[0]), x2: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) < 0.5 && Math.abs(a[1] - b[1]) >= MIN_LENGTH) v.push({ x: (a[0] + b[0]) / 2, y1: Math.min(a[1], b[1]), y2: Math.max(a[1], b[1]) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const draw = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || (!fills.has(draw) && !strokes.has(draw))) continue;
      for (const p of subPaths(data, ctm)) {
        if (p.curved || p.points.length < 2) continue;
        if (fills.has(draw)) {
          const xs = p.points.map((q) => q[0]);
          const ys = p.points.map((q) => q[1]);
          const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y2 - y1 <= THIN && x2 - x1 >= MIN_LENGTH) h.push({ y: (y1 + y2) / 2, x1, x2 });
          else if (x2 - x1 <= THIN && y2 - y1 >= MIN_LENGTH) v.push({ x: (x1 + x2) / 2, y1, y2 });
        }
        if (strokes.has(draw)) {
          for (let k = 1; k < p.points.length; k++) segment(p.points[k - 1]!, p.points[k]!);
          if (p.closed) segment(p.points.at(-1)!, p.points[0]!);
        }
      }
    }
  }
  return { h: mergeH(h), v: mergeV(v) };
}

/** Collinear pieces (same position within SNAP, touching or overlapping) become one line. */
function mergeSpans<T>(items: T[], pos: (t: T) => number, lo: (t: T) => number, hi: (t: T) => number, make: (p: number, a: number, b: number) => T): T[] {
  const sorted = [...items].sort((a, b) => pos(a) - pos(b));
  const out: T[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && pos(sorted[j]!) - pos(sorted[i]!) <= SNAP) j++;
    const group = sorted.slice(i, j).sort((a, b) => lo(a) - lo(b));
    const p = group.reduce((s, t) => s + pos(t), 0) / group.length;
    let a = lo(group[0]!);
    let b = hi(group[0]!);
    for (const t of group.slice(1)) {
      if (lo(t) <= b + SNAP) b = Math.max(b, hi(t));
      else {
        out.push(make(p, a, b));
        [a, b] = [lo(t), hi(t)];
      }
    }
    out.push(make(p, a, b));
    i = j;
  }
  return out;
}

const mergeH = (lines: HLine[]) => mergeSpans(lines, (l) => l.y, (l) => l.x1, (l) => l.x2, (y, x1, x2) => ({ y, x1, x2 }));
const mergeV = (lines: VLine[]) => mergeSpans(lines, (l) => l.x, (l) => l.y1, (l) => l.y2, (x, y1, y2) => ({ x, y1, y2 }));
