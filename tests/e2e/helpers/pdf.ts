// Read back a PDF that Chromium printed: pages, their size in points and their text (pdfjs-dist).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage { width: number; height: number; text: string }

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    const [, , width, height] = p.view as [number, number, number, number];
    const content = await p.getTextContent();
    pages.push({ width: Math.round(width), height: Math.round(height), text: content.items.map((x) => ('str' in x ? x.str : '')).join('') });
  }
  await doc.destroy();
  return pages;
}

/** Whether PDF text contains `expected`, ignoring whitespace. pdfjs maps some glyphs of CJK fonts to
 * Kangxi/CJK radical code points (页 → ⻚, 首 → ⾸): NFKC folds the Kangxi ones; any radical of the
 * supplement block may stand for the ideograph it shows. */
export function pdfContains(text: string, expected: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const pattern = [...norm(expected)].map((c) => (/\p{Script=Han}/u.test(c) ? `(?:${c}|[\\u2E80-\\u2EFF])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(pattern, 'u').test(norm(text));
}
