// SVG → PNG with resvg (no system fonts: the card's text is already outlines), cached by content hash
// outside dist/ so an unchanged card is never redrawn.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, type CardSpec } from './card-svg';

/** Bump when the drawing changes, so cached cards of the old look are not reused. */
const CARD_VERSION = 3;

const cardHash = (spec: CardSpec) => createHash('sha256').update(JSON.stringify([CARD_VERSION, spec])).digest('hex').slice(0, 32);

/** The card as PNG (~60 KB). Reducing it to a palette would halve the bytes but cost ~5× the CPU per card
 * (measured: 11 ms → 58 ms), too much for a build of tens of thousands of cards. */
export function renderPng(spec: CardSpec): Buffer {
  return Buffer.from(new Resvg(cardSvg(spec), { font: { loadSystemFonts: false }, background: '#fff' }).render().asPng());
}

/** Write the card for `spec` to `out`, from the cache when this exact card was drawn before. Returns whether it was drawn now. */
export function writeCard(spec: CardSpec, out: string, cacheDir: string): boolean {
  const cached = join(cacheDir, `${cardHash(spec)}.png`);
  mkdirSync(dirname(out), { recursive: true });
  if (existsSync(cached)) {
    copyFileSync(cached, out);
    return false;
  }
  const png = renderPng(spec);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename: a build stopped half-way never leaves a truncated card in the cache.
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, cached);
  copyFileSync(cached, out);
  return true;
}
