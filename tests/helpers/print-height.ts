// Printed height of pages: each page laid out for print at the width of an A4 sheet's text block, so the
// tallest can be found among many without printing each one to PDF (a PDF per page is ~10× slower).
import type { Browser } from 'playwright-core';

/** CSS px per mm at 96 dpi. */
const PX_PER_MM = 96 / 25.4;

/** The height (CSS px) of each page printed `widthMm` wide (A4 portrait less its side margins), tallest first.
 * Scripts are off in the measured pages, as on paper. The pages load into `lanes` same-origin iframes of that
 * width (sandboxed without scripts) inside one page in print media, not by navigating a top-level page for each:
 * the same layout (identical heights for all 329 task pages when this was written) in about half the time. */
export async function printHeights(browser: Browser, urls: readonly string[], widthMm: number, lanes = 4): Promise<{ url: string; height: number }[]> {
  if (urls.length === 0) return [];
  const width = Math.floor(widthMm * PX_PER_MM);
  // The host page needs scripts (it drives the frames); the frames' sandbox keeps them from running their own.
  const context = await browser.newContext({ viewport: { width, height: 400 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  // Any page of the same origin hosts the frames (so their documents can be read); emptied first.
  await page.goto(urls[0]!);
  const out = await page.evaluate(
    async ({ urls, width, lanes }) => {
      document.body.replaceChildren();
      const heights: { url: string; height: number }[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(lanes, urls.length) }, async () => {
          const frame = document.createElement('iframe');
          frame.setAttribute('sandbox', 'allow-same-origin');
          frame.style.cssText = `position:absolute;top:0;left:0;border:0;width:${width}px;height:400px`;
          document.body.append(frame);
          while (next < urls.length) {
            const url = urls[next++]!;
            await new Promise<void>((loaded, failed) => {
              frame.onload = () => loaded();
              frame.onerror = () => failed(new Error(`${url} did not load`));
              frame.src = url;
            });
            const doc = frame.contentDocument;
            if (!doc || doc.location.href !== url) throw new Error(`${url}: the frame shows ${doc?.location.href ?? 'nothing'}`);
            heights.push({ url, height: doc.documentElement.scrollHeight });
          }
          frame.remove();
        }),
      );
      return heights;
    },
    { urls, width, lanes },
  );
  await context.close();
  return out.sort((a, b) => b.height - a.height);
}
