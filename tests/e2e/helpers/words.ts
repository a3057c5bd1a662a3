// "No cell narrower than its words": a short word (a name, a badge, a column head, 任务页) must sit on one
// line. Long clauses wrap as prose does; words of up to `maxLen` characters between spaces and Chinese
// punctuation must not.
import type { Page } from 'playwright-core';

export interface BrokenWord { word: string; cell: string }

export function brokenWords(page: Page, selector: string, maxLen = 6): Promise<BrokenWord[]> {
  return page.evaluate(
    ({ selector, maxLen }) => {
      const out: { word: string; cell: string }[] = [];
      const sep = /[\s、，,；;：:。（）()《》“”"'·/|]+/u;
      for (const cell of document.querySelectorAll<HTMLElement>(selector)) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.textContent ?? '';
          let at = 0;
          for (const word of text.split(sep)) {
            const start = text.indexOf(word, at);
            at = start + word.length;
            if (!word || [...word].length < 2 || [...word].length > maxLen) continue;
            const range = document.createRange();
            range.setStart(n, start);
            range.setEnd(n, start + word.length);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push({ word, cell: (cell.textContent ?? '').trim().slice(0, 30) });
          }
        }
      }
      return out;
    },
    { selector, maxLen },
  );
}
