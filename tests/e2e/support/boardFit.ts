import { expect, type Locator, type Page } from '@playwright/test';

/** The smallest type the projector may show at 1280×720; at other sizes it scales with the viewport. */
export const FLOOR_AT_720P = 20;

/** What a box on the screen shows: its text, whether it lies wholly in the viewport, and its smallest type. */
export interface Shown {
  text: string;
  inside: boolean;
  minFontPx: number;
}

/** The page never scrolls: nothing of the board is below the fold, or past the right edge. */
export async function expectNoScroll(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({
    scrollHeight: (document.scrollingElement as Element).scrollHeight,
    scrollWidth: (document.scrollingElement as Element).scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(size.scrollHeight, 'the board is taller than the screen').toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, 'the board is wider than the screen').toBeLessThanOrEqual(size.innerWidth);
}

/**
 * Each box as the audience sees it: whether all of it is inside the viewport (and not cut off by a parent that
 * hides overflow), and the smallest computed font size of any text in it.
 */
export function shown(boxes: Locator): Promise<Shown[]> {
  return boxes.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      let inside =
        rect.top >= -0.5 &&
        rect.left >= -0.5 &&
        rect.bottom <= window.innerHeight + 0.5 &&
        rect.right <= window.innerWidth + 0.5 &&
        rect.height > 0;
      // A parent that clips (overflow hidden or auto) must hold the whole box too.
      for (let parent = element.parentElement; parent && inside; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = parent.getBoundingClientRect();
        inside =
          rect.top >= clip.top - 0.5 &&
          rect.bottom <= clip.bottom + 0.5 &&
          rect.left >= clip.left - 0.5 &&
          rect.right <= clip.right + 0.5;
      }
      let minFontPx = Number.POSITIVE_INFINITY;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? '').trim() === '' || !node.parentElement) continue;
        // Text for screen readers only (visually hidden, one pixel) is not what the room reads.
        const box = node.parentElement.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1) continue;
        minFontPx = Math.min(minFontPx, Number.parseFloat(getComputedStyle(node.parentElement).fontSize));
      }
      return { text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(), inside, minFontPx };
    }),
  );
}

/** The smallest type allowed at this viewport: 20 px at 720 pixels high, scaled with the viewport. */
export function floorFor(page: Page): number {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  return Math.floor(FLOOR_AT_720P * Math.min(viewport.height / 720, viewport.width / 1280));
}

/** No two boxes overlap: a grid whose positions were not applied would stack its cards on one another. */
export async function expectNoOverlap(boxes: Locator, what: string): Promise<void> {
  const rects = await boxes.evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right };
    }),
  );
  for (let a = 0; a < rects.length; a++) {
    for (let b = a + 1; b < rects.length; b++) {
      const [one, two] = [rects[a]!, rects[b]!];
      const overlap =
        Math.min(one.right, two.right) - Math.max(one.left, two.left) > 1 &&
        Math.min(one.bottom, two.bottom) - Math.max(one.top, two.top) > 1;
      expect(overlap, `${what} ${a + 1} and ${b + 1} overlap`).toBe(false);
    }
  }
}

/** Every box shown is wholly on screen in type no smaller than the floor. */
export function expectReadable(page: Page, boxes: Shown[], what: string): void {
  const floor = floorFor(page);
  for (const box of boxes) {
    expect(box.inside, `${what} "${box.text.slice(0, 40)}…" is not wholly on screen`).toBe(true);
    expect(
      box.minFontPx,
      `${what} "${box.text.slice(0, 40)}…" is in type smaller than ${floor} px`,
    ).toBeGreaterThanOrEqual(floor);
  }
}

/**
 * Reads page after page of a paged area until every expected text has been on screen (each page checked as it
 * shows: no scrolling, every item wholly on screen in type no smaller than the floor), and returns what was seen.
 * Items on other pages are hidden; in running text (`flow`), they are the columns outside the area, so only the
 * items inside it count as shown.
 */
export async function readEveryPage(
  page: Page,
  items: Locator,
  expected: string[],
  what: string,
  options: { flow?: boolean; timeoutMs?: number } = {},
): Promise<Set<string>> {
  const seen = new Set<string>();
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    await expectNoScroll(page);
    const all = await shown(items);
    const boxes = options.flow ? all.filter((box) => box.inside) : all;
    expectReadable(page, boxes, what);
    if (!options.flow) await expectNoOverlap(items, what);
    for (const box of boxes) for (const text of expected) if (box.text.includes(text)) seen.add(text);
    if (expected.every((text) => seen.has(text))) return seen;
    await page.waitForTimeout(250);
  }
  const missing = expected.filter((text) => !seen.has(text));
  expect(missing, `${what}: never shown on any page`).toEqual([]);
  return seen;
}
