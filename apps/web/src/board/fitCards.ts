import { basePx, largestFitting, TYPE, typeRange } from './boardType';
import { type Block, packMasonry } from './masonry';

/** Where one card sits on its page, in pixels from the top left of the cards' area. */
export interface CardPlace {
  index: number;
  x: number;
  y: number;
  width: number;
}

export interface CardLayout {
  fontPx: number;
  pages: CardPlace[][];
  /** The area it was computed for, so a refit that changes nothing changes nothing. */
  signature: string;
}

/** A column narrower than this many ems of the card type makes lines too short to read at a glance. */
const MIN_COLUMN_EM = 13;
/** Wider than this, lines are too long to follow from the back of a room, and the grid is not a grid. */
const MAX_COLUMN_EM = 26;
/** Among layouts with the same type size, the one whose columns are nearest this width reads best. */
const BEST_COLUMN_EM = 17;

/**
 * Chooses the card type size and the columns from the real layout: every card is measured at each candidate
 * width and size (in a measuring pass, before paint), packed into a masonry grid, and the largest size that
 * fits the whole stage on one page wins. When nothing fits at the floor, the layout with the fewest pages at the
 * floor is taken and the board pages through it.
 *
 * `list` holds one element per card, in order; while measuring it carries `data-measuring`, which board.css
 * turns into a stack of cards at `--measure-width` and `--measure-font`.
 */
export function fitCards(area: HTMLElement, list: HTMLElement): CardLayout | null {
  const width = area.clientWidth;
  const height = area.clientHeight;
  const items = [...list.children] as HTMLElement[];
  if (width <= 0 || height <= 0) return null;
  const base = basePx(area);
  const range = typeRange(base, TYPE.cards);
  const gap = Math.round(base * 0.4);
  const signature = `${width}x${height}@${base}`;
  if (items.length === 0) return { fontPx: range.max, pages: [], signature };

  const heightsAt = cachedMeasure(list, items);
  const evaluate = (columns: number, fontPx: number) => {
    const columnWidth = (width - (columns - 1) * gap) / columns;
    const spanWidth = (span: number) => span * columnWidth + (span - 1) * gap;
    const single = heightsAt(fontPx, spanWidth(1));
    const blocks: Block[] = single.map((first, index) => {
      const heights = [first];
      // Only a card too tall for one column is measured wider, to spread it across columns.
      for (let span = 2; span <= columns && (heights.at(-1) ?? 0) > height; span++) {
        heights.push(heightsAt(fontPx, spanWidth(span))[index] ?? Number.POSITIVE_INFINITY);
      }
      return { heights };
    });
    const pages = packMasonry(blocks, { columns, pageHeight: height, gap });
    return { columnWidth, pages, spanWidth };
  };

  const maxColumns = Math.max(1, Math.floor((width + gap) / (MIN_COLUMN_EM * range.floor + gap)));
  const candidates: Array<{ columns: number; fontPx: number; pageCount: number; columnWidth: number }> = [];
  try {
    for (let columns = 1; columns <= maxColumns; columns++) {
      const columnWidth = (width - (columns - 1) * gap) / columns;
      // The sizes at which columns this wide are neither too narrow nor too wide to read (a single column may
      // be wide, and the most columns there is room for may be narrow: there is nothing else to choose).
      const high = columns === 1 ? range.max : Math.min(range.max, Math.floor(columnWidth / MIN_COLUMN_EM));
      const low = columns === maxColumns ? range.floor : Math.max(range.floor, Math.ceil(columnWidth / MAX_COLUMN_EM));
      if (low > high) continue;
      const best = largestFitting(low, high, (fontPx) => evaluate(columns, fontPx).pages.length <= 1);
      const pageCount = best.fits ? 1 : evaluate(columns, low).pages.length;
      candidates.push({ columns, fontPx: best.value, pageCount, columnWidth });
    }
  } finally {
    list.removeAttribute('data-measuring');
  }

  if (candidates.length === 0) return null;
  const chosen = candidates.reduce((best, next) => (better(next, best) ? next : best));
  const { pages, spanWidth } = evaluate(chosen.columns, chosen.fontPx);
  list.removeAttribute('data-measuring');
  return {
    fontPx: chosen.fontPx,
    signature,
    pages: pages.map((page) =>
      page.map((placed) => ({
        index: placed.index,
        x: placed.column * (chosen.columnWidth + gap),
        y: placed.y,
        width: spanWidth(placed.span),
      })),
    ),
  };
}

type Candidate = { columns: number; fontPx: number; pageCount: number; columnWidth: number };

/** Fewer pages first, then larger type, then columns of the most comfortable width. */
function better(next: Candidate, best: Candidate): boolean {
  if (next.pageCount !== best.pageCount) return next.pageCount < best.pageCount;
  if (next.fontPx !== best.fontPx) return next.fontPx > best.fontPx;
  const distance = (candidate: Candidate) => Math.abs(candidate.columnWidth / candidate.fontPx - BEST_COLUMN_EM);
  return distance(next) < distance(best);
}

/** Measures every card at a type size and width, once per pair (each pair costs the browser one layout). */
function cachedMeasure(list: HTMLElement, items: HTMLElement[]) {
  const cache = new Map<string, number[]>();
  return (fontPx: number, width: number): number[] => {
    const key = `${fontPx}/${width.toFixed(2)}`;
    const known = cache.get(key);
    if (known) return known;
    list.setAttribute('data-measuring', '');
    list.style.setProperty('--measure-font', `${fontPx}px`);
    list.style.setProperty('--measure-width', `${width}px`);
    const heights = items.map((item) => item.getBoundingClientRect().height);
    cache.set(key, heights);
    return heights;
  };
}
