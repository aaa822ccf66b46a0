import type { ActionRow } from '@consultboard/domain';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { PlanRowCells, PlanTableHead } from '../actionPlan/PlanTableParts';
import { TYPE } from './boardType';
import { fitFont } from './fitFont';
import { packMasonry } from './masonry';
import { PagerStatus } from './PagerStatus';
import { rangeOfPage } from './pager';
import { usePager } from './usePager';
import { useRefit } from './useRefit';

/** Pixels left free at the foot of each page of rows. */
const PAGE_SPARE_PX = 6;

/**
 * The action plan on the projector: one table whose type shrinks until every row fits; when the rows do not fit
 * at the floor, whole rows are shown a screenful at a time (the header on every page), paged by itself.
 */
export function BoardPlan({ rows, pageMs }: { rows: readonly ActionRow[]; pageMs: number }) {
  const area = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [pages, setPages] = useState<number[][]>([]);

  const refit = useCallback(() => {
    const box = area.current;
    const element = table.current;
    if (!box || !element || box.clientHeight <= 0 || !element.tBodies[0]) return;
    // While measuring, every row shows (board.css), whatever page is on screen.
    element.setAttribute('data-measuring', '');
    try {
      const fitted = fitFont(box, '--plan-font', TYPE.flow, () => element.offsetHeight <= box.clientHeight);
      const body = [...(element.tBodies[0]?.rows ?? [])];
      let next = [body.map((_, index) => index)];
      if (!fitted.fits) {
        const header = element.tHead?.offsetHeight ?? 0;
        const blocks = body.map((row) => ({ heights: [row.getBoundingClientRect().height] }));
        // Collapsed borders are shared half and half between rows, so measured heights can sum a pixel or two
        // short of the page: a few pixels spare keep a page's last row wholly on screen.
        const pageHeight = box.clientHeight - header - PAGE_SPARE_PX;
        next = packMasonry(blocks, { columns: 1, pageHeight, gap: 0 }).map((page) =>
          page.map((placed) => placed.index),
        );
      }
      setPages((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    } finally {
      element.removeAttribute('data-measuring');
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit whenever the rows change
  useLayoutEffect(refit, [refit, rows]);
  useRefit(area, refit);

  const page = usePager(pages.length, null, pageMs);
  const onPage = new Set(pages[page] ?? rows.map((_, index) => index));

  return (
    <div className="board-plan-fit">
      <PagerStatus noun="Actions" range={rangeOfPage([...onPage])} total={rows.length} paging={pages.length > 1} />
      <div className="board-plan-area" ref={area}>
        {rows.length === 0 && <p className="muted">No actions yet.</p>}
        <table hidden={rows.length === 0} className="board-plan-table" ref={table}>
          <caption className="visually-hidden">Action plan</caption>
          <PlanTableHead />
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.id} className={onPage.has(index) ? undefined : 'board-row-off'}>
                <PlanRowCells row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
