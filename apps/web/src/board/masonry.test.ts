import { describe, expect, it } from 'vitest';
import { packMasonry, spanFor } from './masonry';

const grid = { columns: 3, pageHeight: 100, gap: 10 };
const blocks = (...heights: number[]) => heights.map((height) => ({ heights: [height] }));

describe('packMasonry', () => {
  it('reads across the top first, then fills the shortest column', () => {
    const [page] = packMasonry(blocks(30, 50, 20, 10), grid);
    expect(page?.map(({ column, y }) => ({ column, y }))).toEqual([
      { column: 0, y: 0 },
      { column: 1, y: 0 },
      { column: 2, y: 0 },
      // Column 2 ends highest (20 + gap).
      { column: 2, y: 30 },
    ]);
  });

  it('starts a new page, keeping the order, when the next block does not fit under the others', () => {
    const pages = packMasonry(blocks(60, 60, 60, 30, 30, 30, 40), grid);
    expect(pages.map((page) => page.map((placed) => placed.index))).toEqual([[0, 1, 2, 3, 4, 5], [6]]);
    expect(pages[1]?.[0]).toMatchObject({ column: 0, y: 0 });
  });

  it('lays a run out tallest first when that is the only way it fits on the page', () => {
    const pages = packMasonry(blocks(50, 50, 100), { columns: 2, pageHeight: 100, gap: 0 });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.find((placed) => placed.index === 2)).toMatchObject({ y: 0 });
  });

  it('puts every block on some page exactly once', () => {
    const heights = Array.from({ length: 40 }, (_, index) => 10 + ((index * 37) % 90));
    const placed = packMasonry(blocks(...heights), grid).flat();
    expect(placed.map((item) => item.index)).toEqual(heights.map((_, index) => index));
    for (const item of placed) expect(item.y + item.height).toBeLessThanOrEqual(grid.pageHeight);
  });

  it('spreads a block too tall for one column across as many as it needs', () => {
    const tall = { heights: [180, 95, 60] };
    expect(spanFor(tall, grid)).toEqual({ span: 2, height: 95 });
    const [page] = packMasonry([{ heights: [20] }, tall], grid);
    expect(page?.[1]).toMatchObject({ column: 1, span: 2, y: 0 });
  });

  it('cuts a block to the page when even the full width is too tall', () => {
    expect(spanFor({ heights: [400, 300, 200] }, grid)).toEqual({ span: 3, height: 100 });
  });
});
