// Share cards: drawn without system fonts (text as outlines from the npm font), a QR code that decodes
// to the page's address, cached by content hash so an unchanged card is never redrawn.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'fast-png';
import jsQR from 'jsqr';
import { afterAll, describe, expect, test } from 'vitest';
import { cardSvg, CARD } from '~/lib/share-card/card-svg';
import { taskCard } from '~/lib/share-card/cards';
import { renderPng, writeCard } from '~/lib/share-card/render';
import { paths } from '~/lib/urls';
import { repoDataset } from './helpers/repo-dataset';
import { DIST, loadDataset, page } from './helpers/built-site';
import { indexDataset } from '~/lib/dataset/site-index';

const SITE = 'https://pledges.example.cn/';
const ix = indexDataset(repoDataset().dataset);
const tmp = mkdtempSync(join(tmpdir(), 'share-card-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function qrOf(png: Uint8Array): string | undefined {
  const img = decode(png);
  const rgba = new Uint8ClampedArray(img.width * img.height * 4);
  const ch = img.channels;
  for (let i = 0; i < img.width * img.height; i++) {
    // A palette PNG (the cards are 32 colours) holds indices into img.palette.
    const px = img.palette ? img.palette[Number(img.data[i])]! : [0, 1, 2].map((c) => Number(img.data[i * ch + (ch >= 3 ? c : 0)]));
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = px[c]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, img.width, img.height)?.data;
}

describe('share card', () => {
  const inferred = ix.tasks.find((t) => t.latestStatusSource === 'inferred')!;
  const job = taskCard(ix, inferred, SITE);

  test('says district, year, task number, the pledge and the status, an inferred one marked 推断', () => {
    expect(job.spec.place).toBe(`${ix.district.get(inferred.district)!.name} · ${inferred.year}年`);
    expect(job.spec.label).toMatch(/^第\d+项/);
    expect(job.spec.status!.inferred).toBe(true);
    expect(job.spec.status!.text).toMatch(/^推断：/);
    expect(job.spec.url).toBe(`${SITE}${paths.task(inferred)}`);
  });

  test('no system fonts: every word is drawn as glyph outlines from the npm font (no <text> for a system font to fill)', () => {
    const svg = cardSvg(job.spec);
    expect(svg).not.toMatch(/<text[\s>]/);
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(50);
  });

  test('the PNG is 600×800 and its QR code decodes to the page’s address', () => {
    const png = renderPng(job.spec);
    const img = decode(png);
    expect([img.width, img.height]).toEqual([CARD.width, CARD.height]);
    expect(qrOf(png)).toBe(job.spec.url);
  });

  test('cached by content hash: unchanged is copied, not redrawn; a changed status is redrawn', () => {
    const cache = join(tmp, 'cache');
    expect(writeCard(job.spec, join(tmp, 'a.png'), cache)).toBe(true);
    expect(writeCard(job.spec, join(tmp, 'b.png'), cache)).toBe(false);
    expect(readFileSync(join(tmp, 'b.png')).equals(readFileSync(join(tmp, 'a.png')))).toBe(true);
    const changed = { ...job.spec, status: { ...job.spec.status!, text: '完成', inferred: false } };
    expect(writeCard(changed, join(tmp, 'c.png'), cache)).toBe(true);
  });
});

describe('share cards in the build', () => {
  test('with an address, every task and report page names its card as og:image and the task card’s QR decodes to the page; without one, no cards and no og:image', () => {
    const ds = loadDataset();
    const withAddress = /<meta property="og:image"/.test(page(paths.task(ds.tasks[0]!)));
    if (!withAddress) {
      // content/site.yaml has no url: a QR code or og:image would need the absolute address.
      for (const p of [...ds.tasks.map((t) => paths.task(t)), ...ds.reports.map((r) => paths.report(r))]) expect(page(p), p).not.toContain('class="share-card');
      expect(existsSync(join(DIST, 'share'))).toBe(false);
      return;
    }
    const pages = [...ds.tasks.map((t) => paths.task(t)), ...ds.reports.map((r) => paths.report(r))];
    for (const p of pages) {
      const m = /<meta property="og:image" content="([^"]+)"/.exec(page(p));
      expect(m, p).toBeTruthy();
      const rel = new URL(m![1]!).pathname.replace(/^\//, '');
      expect(statSync(join(DIST, rel)).size, rel).toBeGreaterThan(1000);
    }
    const t = ds.tasks[0]!;
    const og = /<meta property="og:url" content="([^"]+)"/.exec(page(paths.task(t)))![1]!;
    const png = readFileSync(join(DIST, new URL(/<meta property="og:image" content="([^"]+)"/.exec(page(paths.task(t)))![1]!).pathname));
    expect(qrOf(png)).toBe(og);
    expect(og.endsWith(`/${paths.task(t)}`)).toBe(true);
  });
});
