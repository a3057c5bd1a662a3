// Keyboard helpers: Tab until a target has focus, and read how the focused element shows its focus.
import type { Locator, Page } from 'playwright-core';

export interface FocusStop {
  /** tag#id or tag with its text, for messages. */
  what: string;
  /** An outline of 2px or more, or a box-shadow, drawn on focus. */
  visible: boolean;
}

/** What has focus now and whether it shows it (a non-zero outline or a box-shadow). */
export function focusStop(page: Page): Promise<FocusStop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    // At least 2px: the browser's 1px default ring is too faint to count as the site showing focus.
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== '';
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20);
    return { what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} “${text}”`, visible: outline || shadow };
  });
}

/** Press Tab until `target` (or something inside it) has focus; returns every stop on the way. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop) stops.push(stop);
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return stops;
  }
  throw new Error(`not reached by ${max} presses of Tab; stops: ${stops.map((s) => s.what).join(' → ')}`);
}
