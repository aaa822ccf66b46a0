/** Where the board's pager stands: the page shown, and what to show after it. */
export interface PagerState {
  page: number;
  /** A new card arrived while another page showed: the first page (newest first) comes next. */
  newestWaiting: boolean;
  /** The page to return to after showing the newest, so the round still reaches every page. */
  resume: number | null;
  /** How many times the page has turned: each turn starts the next page's time. */
  turns: number;
}

export const PAGER_START: PagerState = { page: 0, newestWaiting: false, resume: null, turns: 0 };

/**
 * The page after this one. Cards are newest first, so the newest is on the first page: when one arrives the pager
 * goes there next (never more than one page away), then carries on from where the round was.
 */
export function turnPage(state: PagerState, pageCount: number): PagerState {
  const turns = state.turns + 1;
  if (pageCount <= 1) return { ...PAGER_START, turns };
  const page = Math.min(state.page, pageCount - 1);
  const following = (page + 1) % pageCount;
  if (state.newestWaiting && page !== 0) {
    return { page: 0, newestWaiting: false, resume: following === 0 ? null : following, turns };
  }
  if (state.resume !== null && state.resume < pageCount && state.resume !== page) {
    return { page: state.resume, newestWaiting: false, resume: null, turns };
  }
  return { page: following, newestWaiting: false, resume: null, turns };
}

/** A new card arrived: unless the first page shows already, it comes next. */
export function newestArrived(state: PagerState): PagerState {
  return state.page === 0 ? state : { ...state, newestWaiting: true };
}

/** The page to show when the number of pages changed under it. */
export function clampPage(state: PagerState, pageCount: number): PagerState {
  const last = Math.max(0, pageCount - 1);
  if (state.page <= last && (state.resume ?? 0) <= last) return state;
  return { ...state, page: Math.min(state.page, last), resume: null };
}

const DEFAULT_SECONDS = 8;

/**
 * How long each page shows. `?pageSeconds=N` on the board's address (1 to 60) changes it: the browser tests use it
 * to watch every page go by, and a room that reads slowly may use it too.
 */
export function pageIntervalMs(search: string): number {
  const asked = Number(new URLSearchParams(search).get('pageSeconds'));
  const seconds = Number.isFinite(asked) && asked >= 1 && asked <= 60 ? asked : DEFAULT_SECONDS;
  return seconds * 1000;
}

/** The first and last item (counted from 1) of a page, from the indexes of the items on it. */
export function rangeOfPage(indexes: readonly number[]): { first: number; last: number } {
  if (indexes.length === 0) return { first: 0, last: 0 };
  return { first: Math.min(...indexes) + 1, last: Math.max(...indexes) + 1 };
}

/** What the pager says, such as "Cards 13–24 of 31". */
export function pagerLabel(noun: string, range: { first: number; last: number }, total: number): string {
  const shown = range.first === range.last ? `${range.first}` : `${range.first}–${range.last}`;
  return `${noun} ${shown} of ${total}`;
}
