import { useEffect, useRef, useState } from 'react';
import { clampPage, newestArrived, PAGER_START, type PagerState, turnPage } from './pager';

/**
 * Turns the pages of a paged area by itself, one every `intervalMs`. `newest` names the newest item: when it
 * changes, the first page comes next. Pages turn the same with reduced motion; only the animation (CSS) differs.
 */
export function usePager(pageCount: number, newest: string | null, intervalMs: number): number {
  const [state, setState] = useState<PagerState>(PAGER_START);
  const lastNewest = useRef(newest);
  const pageCountRef = useRef(pageCount);
  pageCountRef.current = pageCount;

  useEffect(() => {
    if (newest === lastNewest.current) return;
    lastNewest.current = newest;
    setState(newestArrived);
  }, [newest]);

  const shown = clampPage(state, pageCount);
  const paging = pageCount > 1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: timed from the last turn (shown.turns), so a new card or a new page count never holds the page back
  useEffect(() => {
    if (!paging) return;
    const timer = window.setTimeout(() => setState((current) => turnPage(current, pageCountRef.current)), intervalMs);
    return () => window.clearTimeout(timer);
  }, [shown.turns, paging, intervalMs]);

  return paging ? shown.page : 0;
}
