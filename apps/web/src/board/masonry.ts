/** One card to place: its measured height at each span (index 0 is one column wide, 1 two columns, ...). */
export interface Block {
  heights: readonly number[];
}

export interface Placed {
  /** The block's index in the input. */
  index: number;
  column: number;
  span: number;
  /** Offset from the top of the page, in pixels. */
  y: number;
  height: number;
}

export interface MasonryGrid {
  columns: number;
  /** The height a page may fill, in pixels. */
  pageHeight: number;
  /** Space between cards, across and down, in pixels. */
  gap: number;
}

/**
 * The narrowest span at which a block fits a page's height; the widest measured span (cut to the page) when none
 * does. A long card spreads across columns rather than run off the bottom of the screen.
 */
export function spanFor(block: Block, grid: MasonryGrid): { span: number; height: number } {
  const widest = Math.min(block.heights.length, grid.columns);
  for (let span = 1; span <= widest; span++) {
    const height = block.heights[span - 1] ?? Number.POSITIVE_INFINITY;
    if (height <= grid.pageHeight) return { span, height };
  }
  return { span: widest, height: grid.pageHeight };
}

/**
 * Packs blocks into pages of a masonry grid. Each page holds a run of consecutive blocks (so a pager can say
 * "Cards 13–24 of 31"), as long a run as fits. Within a page the blocks go in order, each where its top is highest
 * (the leftmost of equals), so the first read across the top; when a run fits only tallest first, it is laid out
 * that way rather than wasting the bottom of the page.
 */
export function packMasonry(blocks: readonly Block[], grid: MasonryGrid): Placed[][] {
  const pages: Placed[][] = [];
  let start = 0;
  while (start < blocks.length) {
    // The first block of a page always fits: spanFor cuts it to the page if it must.
    let page = placePage(blocks, start, start + 1, grid) as Placed[];
    let end = start + 1;
    for (; end < blocks.length; end++) {
      const longer = placePage(blocks, start, end + 1, grid);
      if (!longer) break;
      page = longer;
    }
    pages.push(page);
    start = end;
  }
  return pages;
}

/** Lays out blocks start..end-1 on one page, in order or else tallest first; null when they do not fit. */
function placePage(blocks: readonly Block[], start: number, end: number, grid: MasonryGrid): Placed[] | null {
  const indexes = Array.from({ length: end - start }, (_, offset) => start + offset);
  const sized = indexes.map((index) => ({ index, ...spanFor(blocks[index] as Block, grid) }));
  const inOrder = placeAll(sized, grid);
  if (inOrder) return inOrder;
  const tallestFirst = [...sized].sort((a, b) => b.height * b.span - a.height * a.span || a.index - b.index);
  return placeAll(tallestFirst, grid);
}

function placeAll(
  sized: ReadonlyArray<{ index: number; span: number; height: number }>,
  grid: MasonryGrid,
): Placed[] | null {
  const tops = new Array<number>(grid.columns).fill(0);
  const placed: Placed[] = [];
  for (const { index, span, height } of sized) {
    const best = bestPlace(tops, span);
    if (best.y + height > grid.pageHeight) return null;
    placed.push({ index, column: best.column, span, y: best.y, height });
    for (let column = best.column; column < best.column + span; column++) tops[column] = best.y + height + grid.gap;
  }
  return placed.sort((a, b) => a.index - b.index);
}

function bestPlace(tops: readonly number[], span: number): { column: number; y: number } {
  let best = { column: 0, y: Number.POSITIVE_INFINITY };
  for (let column = 0; column + span <= tops.length; column++) {
    const y = Math.max(...tops.slice(column, column + span));
    if (y < best.y) best = { column, y };
  }
  return best;
}
