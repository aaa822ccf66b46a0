/**
 * Type sizes on the projector, as multiples of the board's base size (24 px at 1280×720, 36 px at 1920×1080,
 * set in board.css from the viewport). Cards start at about 28 px and never go below 20 px at 1280×720.
 */
export const TYPE = {
  cards: { maxEm: 28 / 24, floorEm: 20 / 24 },
  spotlight: { maxEm: 60 / 24, floorEm: 20 / 24 },
  flow: { maxEm: 28 / 24, floorEm: 20 / 24 },
} as const;

/** Whatever the screen, nothing on the board is smaller than this. */
export const ABSOLUTE_FLOOR_PX = 20;

export interface TypeRange {
  floor: number;
  max: number;
}

/** The range of whole pixel sizes a fitted area may use on a board whose base size is `basePx`. */
export function typeRange(basePx: number, scale: { maxEm: number; floorEm: number }): TypeRange {
  const floor = Math.max(ABSOLUTE_FLOOR_PX, Math.ceil(basePx * scale.floorEm));
  return { floor, max: Math.max(floor, Math.floor(basePx * scale.maxEm)) };
}

/** The board's base size in pixels, read from the live layout. */
export function basePx(element: Element): number {
  const board = element.closest('.board') ?? element;
  return Number.parseFloat(getComputedStyle(board).fontSize) || 24;
}

/**
 * The largest whole number from `low` to `high` for which `fits` holds, by bisection: type that fits at one size
 * fits at every smaller one. `fits` is false when even `low` does not fit.
 */
export function largestFitting(
  low: number,
  high: number,
  fits: (value: number) => boolean,
): { value: number; fits: boolean } {
  if (fits(high)) return { value: high, fits: true };
  if (!fits(low)) return { value: low, fits: false };
  let good = low;
  let bad = high;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits(middle)) good = middle;
    else bad = middle;
  }
  return { value: good, fits: true };
}
