import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { TYPE } from './boardType';
import { fitFont } from './fitFont';
import { usePager } from './usePager';
import { useRefit } from './useRefit';

/**
 * Running text (the preparation form) in columns across the area: the type shrinks until it all fits; when it
 * does not at the floor, the columns that overflow to the right are shown a screenful at a time, paged by itself.
 */
export function PagedFlow({ children, pageMs }: { children: ReactNode; pageMs: number }) {
  const area = useRef<HTMLDivElement>(null);
  const flow = useRef<HTMLDivElement>(null);
  const [pageCount, setPageCount] = useState(1);

  const refit = useCallback(() => {
    const box = area.current;
    const columns = flow.current;
    if (!box || !columns || box.clientWidth <= 0) return;
    // More text than the area holds overflows into further columns to the right.
    const fitted = fitFont(box, '--flow-font', TYPE.flow, () => columns.scrollWidth <= columns.clientWidth + 1);
    const gap = Number.parseFloat(getComputedStyle(columns).columnGap) || 0;
    const stride = columns.clientWidth + gap;
    setPageCount(fitted.fits ? 1 : Math.max(1, Math.ceil((columns.scrollWidth + gap - 1) / stride)));
  }, []);
  useLayoutEffect(refit);
  useRefit(area, refit);

  const page = usePager(pageCount, null, pageMs);
  useLayoutEffect(() => {
    flow.current?.style.setProperty('--flow-page', `${page}`);
  }, [page]);

  return (
    <div className="board-flow">
      {/* Kept while empty, so the area keeps its size when paging starts (see PagerStatus). */}
      <p className="board-pager">{pageCount > 1 ? `Page ${page + 1} of ${pageCount}` : ''}</p>
      <div className="board-flow-area" ref={area}>
        <div className="board-flow-columns" ref={flow}>
          {children}
        </div>
      </div>
    </div>
  );
}
