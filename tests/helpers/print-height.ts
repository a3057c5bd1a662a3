// Printed height of pages: each page laid out for print at the width of an A4 sheet's text block, so the
// tallest can be found among many without printing each one to PDF (a PDF per page is ~10× slower).
import type { Browser } from 'playwright-core';

/** CSS px per mm at 96 dpi. */
const PX_PER_MM = 96 / 25.4;

/** The height (CSS px) of each page printed `widthMm` wide (A4 portrait less its side margins), tallest first.
 * `lanes` pages load at once; scripts are off, as on paper. */
export async function printHeights(browser: Browser, urls: readonly string[], widthMm: number, lanes = 3): Promise<{ url: string; height: number }[]> {
  const context = await browser.newContext({ viewport: { width: Math.floor(widthMm * PX_PER_MM), height: 400 }, locale: 'zh-CN', javaScriptEnabled: false });
  const out: { url: string; height: number }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      while (next < urls.length) {
        const url = urls[next++]!;
        await page.goto(url);
        out.push({ url, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      }
    }),
  );
  await context.close();
  return out.sort((a, b) => b.height - a.height);
}
