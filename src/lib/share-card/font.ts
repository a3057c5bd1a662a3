// Text as glyph outlines from the Noto Sans SC files of @fontsource/noto-sans-sc (an npm package), so a
// share card never depends on the fonts of the machine that builds it. The package splits the font by
// unicode-range into ~100 files per weight; only the files holding the characters used are opened, and
// only the glyphs drawn are read (fontkit): the card carries outlines of exactly the characters it shows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';

export type Weight = 400 | 700;

interface Face { file: string; ranges: [number, number][] }

const require = createRequire(import.meta.url);
const PKG_DIR = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));

const facesByWeight = new Map<Weight, Face[]>();
/** The package's own @font-face rules for one weight: file and unicode-range of each part. */
function faces(weight: Weight): Face[] {
  let list = facesByWeight.get(weight);
  if (!list) {
    const css = readFileSync(join(PKG_DIR, `${weight}.css`), 'utf8');
    list = [...css.matchAll(/src:\s*url\(\.\/(files\/[^)]+\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
      file: join(PKG_DIR, m[1]!),
      ranges: m[2]!.split(',').map((r) => {
        const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
      }),
    }));
    if (list.length === 0) throw new Error(`@fontsource/noto-sans-sc/${weight}.css: 没有读到 @font-face 规则（包的格式变了？）`);
    facesByWeight.set(weight, list);
  }
  return list;
}

const fonts = new Map<string, Font>();
function fontFor(cp: number, weight: Weight): Font | undefined {
  const face = faces(weight).find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b));
  if (!face) return undefined;
  let font = fonts.get(face.file);
  if (!font) {
    font = fontkit.create(readFileSync(face.file)) as Font;
    fonts.set(face.file, font);
  }
  return font;
}

/** Advance width of one character at `size` px (half an em for a character no part of the font has). */
function charWidth(ch: string, size: number, weight: Weight): number {
  const o = outline(ch.codePointAt(0)!, weight);
  return o ? (o.advance / o.upm) * size : size / 2;
}

interface Outline { d: string; advance: number; upm: number }
const outlines = new Map<string, Outline | null>();
/** A glyph's outline in font units, read once per character and weight for all cards of a build. */
function outline(cp: number, weight: Weight): Outline | null {
  const key = `${weight}:${cp}`;
  let o = outlines.get(key);
  if (o === undefined) {
    const font = fontFor(cp, weight);
    const glyph = font?.glyphForCodePoint(cp);
    o = font && glyph ? { d: glyph.path.toSVG(), advance: glyph.advanceWidth, upm: font.unitsPerEm } : null;
    outlines.set(key, o);
  }
  return o;
}

export interface Run { svg: string; width: number }

/** `text` as SVG paths at (x, baseline y), `size` px, filled with `fill`: one path per glyph, each a cached outline placed by a transform. */
export function textPath(text: string, x: number, y: number, size: number, weight: Weight, fill: string): Run {
  let pen = x;
  const parts: string[] = [];
  for (const ch of text) {
    const o = outline(ch.codePointAt(0)!, weight);
    if (!o) {
      pen += size / 2;
      continue;
    }
    const k = size / o.upm;
    if (o.d) parts.push(`<path transform="matrix(${k.toFixed(5)} 0 0 ${(-k).toFixed(5)} ${pen.toFixed(2)} ${y})" d="${o.d}"/>`);
    pen += o.advance * k;
  }
  return { svg: parts.length ? `<g fill="${fill}">${parts.join('')}</g>` : '', width: pen - x };
}

/** Greedy line breaking by width; a closing punctuation mark never starts a line. Stops at `maxLines`, ending the last with …. */
export function wrap(text: string, width: number, size: number, weight: Weight, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cw = charWidth(ch, size, weight);
    if (w + cw > width && line && !/^[，。、；：！？）》”’,.;:!?)]$/.test(ch)) {
      lines.push(line);
      line = '';
      w = 0;
      if (lines.length === maxLines) {
        lines[maxLines - 1] = `${[...lines[maxLines - 1]!].slice(0, -1).join('')}…`;
        return lines;
      }
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}
