// A share card as SVG with its text as glyph outlines (font.ts) and a QR code to the page (qr.ts):
// district, year, the task number or report name, the pledge in short, the status as stated or marked
// 推断, the site's name. 600×800: a WeChat reader long-presses it to save or forward.
import { escapeHtml } from '~/lib/markup';
import { textPath, wrap } from './font';
import { qrSvg } from './qr';

export interface CardSpec {
  site: string;
  /** "临淄区 · 2023年" */
  place: string;
  /** "第2项任务" · "9月完成情况通报" */
  label: string;
  /** The pledge (or the report's title). */
  text: string;
  /** As stated ("未完成"), or ours ("推断：部分完成") with inferred set. */
  status?: { text: string; inferred: boolean; colour: string };
  /** "截至2023年9月" */
  asOf?: string;
  /** Absolute address of the page: the QR code. */
  url: string;
}

export const CARD = { width: 600, height: 800 } as const;
const NAVY = '#12355b';

export function cardSvg(c: CardSpec): string {
  const W = CARD.width;
  const parts: string[] = [`<rect width="${W}" height="${CARD.height}" fill="#fff"/>`, `<rect width="${W}" height="84" fill="${NAVY}"/>`];
  parts.push(textPath(c.site, 32, 54, 26, 700, '#fff').svg);
  parts.push(textPath(c.place, 32, 136, 26, 400, '#444').svg);
  parts.push(textPath(c.label, 32, 188, 38, 700, '#111').svg);
  const lines = wrap(c.text, W - 64, 30, 400, 7);
  lines.forEach((line, i) => parts.push(textPath(line, 32, 248 + i * 46, 30, 400, '#1a1a1a').svg));
  const top = 590;
  if (c.status) {
    const label = c.status.inferred ? `状态：${c.status.text}` : `状态：${c.status.text}`;
    const run = textPath(label, 48, top + 44, 30, 700, '#111');
    const boxW = Math.min(run.width + 32, 300);
    parts.push(`<rect x="32" y="${top}" width="${boxW}" height="64" rx="8" fill="#fff" stroke="${c.status.colour}" stroke-width="4"${c.status.inferred ? ' stroke-dasharray="10 6"' : ''}/>`);
    parts.push(run.svg);
    parts.push(textPath(c.status.inferred ? '本站据措辞推断，非政府表述' : '原文写明的状态', 32, top + 98, 20, 400, '#444').svg);
  }
  if (c.asOf) parts.push(textPath(c.asOf, 32, top + 134, 22, 400, '#444').svg);
  parts.push(qrSvg(c.url, W - 32 - 180, 580, 180));
  parts.push(textPath('扫码查看原文出处', W - 32 - 168, 786, 20, 400, '#444').svg);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${CARD.height}" viewBox="0 0 ${W} ${CARD.height}"><title>${escapeHtml(`${c.place} ${c.label}`)}</title>${parts.join('')}</svg>`;
}
