// The QR code to a page, as SVG squares (the `qrcode` package computes the matrix).
import QRCode from 'qrcode';

/** SVG of a QR code for `text` at (x, y), `size` px square including a 4-module quiet zone. */
export function qrSvg(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / (n + 8);
  const rects: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!modules.get(r, c)) continue;
      // One rect per run of dark modules in a row: a smaller SVG, drawn faster.
      let end = c;
      while (end + 1 < n && modules.get(r, end + 1)) end++;
      rects.push(`M${(x + (c + 4) * cell).toFixed(2)} ${(y + (r + 4) * cell).toFixed(2)}h${((end - c + 1) * cell).toFixed(2)}v${cell.toFixed(2)}h-${((end - c + 1) * cell).toFixed(2)}z`);
      c = end;
    }
  }
  return `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="#fff"/><path fill="#000" shape-rendering="crispEdges" d="${rects.join('')}"/>`;
}
