// SVG → PNG with resvg (no system fonts: the card's text is already outlines), cached by content hash
// outside dist/ so an unchanged card is never redrawn.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { cardSvg, type CardSpec } from './card-svg';

/** Bump when the drawing changes, so cached cards of the old look are not reused. */
export const CARD_VERSION = 1;

export const cardHash = (spec: CardSpec) => createHash('sha256').update(JSON.stringify([CARD_VERSION, spec])).digest('hex').slice(0, 32);

export function renderPng(spec: CardSpec): Buffer {
  const png = new Resvg(cardSvg(spec), { font: { loadSystemFonts: false }, background: '#fff' }).render().asPng();
  return Buffer.from(png);
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
