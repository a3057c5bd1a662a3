// Tap targets: every control a reader taps outside running text is at least 44×44 CSS px on a phone
// (适老化 guidance; WCAG 2.2's 24 px is the floor). A link inside a sentence (a paragraph, a definition,
// a caption, quoted source text) is running text and exempt, as WCAG exempts inline targets.
import type { Page } from 'playwright-core';

export interface SmallTarget { what: string; width: number; height: number }

export const RUNNING_TEXT = 'p, dd, pre, figcaption, blockquote, .pledge, .chart-summary';

export function smallTargets(page: Page, min = 44): Promise<SmallTarget[]> {
  return page.evaluate(
    ({ min, running }) => {
      const out: { what: string; width: number; height: number }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, summary')) {
        if (el.closest(running)) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.right < 0) continue; // the skip link waits off-screen
        // An input inside a form row counts with its row (the search box and its button share a 44 px row).
        if (Math.round(r.width) < min || Math.round(r.height) < min) {
          out.push({ what: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} “${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).placeholder || '').trim().slice(0, 20)}”`, width: Math.round(r.width), height: Math.round(r.height) });
        }
      }
      return out;
    },
    { min, running: RUNNING_TEXT },
  );
}
