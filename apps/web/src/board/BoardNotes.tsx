import { useCallback, useLayoutEffect, useRef } from 'react';
import { NotesArea } from '../notes/NotesArea';
import type { NotesPanelProps } from '../notes/NotesPanel';
import { TYPE } from './boardType';
import { fitFont } from './fitFont';
import { useRefit } from './useRefit';

/**
 * The stage's notes on the projector, in a bounded area: the type shrinks as the notes grow, down to the floor;
 * past that the area keeps the newest lines in view (the top fades to show there is more above), so the notes
 * never push the board below the fold. Other people's caret labels are hidden here (board.css). Beside the cards
 * or the plan, notes with nothing in them yet take no room.
 */
export function BoardNotes({ hidden, ...props }: NotesPanelProps & { hidden?: boolean }) {
  const area = useRef<HTMLDivElement>(null);

  const refit = useCallback(() => {
    const box = area.current;
    if (!box) return;
    // Empty notes beside the cards or the plan give their room to them (board.css), until someone writes.
    box.classList.toggle('board-notes-empty', (box.querySelector('.notes-text')?.textContent ?? '').trim() === '');
    const scroller = box.querySelector('.notes-editor');
    if (!(scroller instanceof HTMLElement) || scroller.clientHeight <= 0) return;
    const fitted = fitFont(box, '--notes-font', TYPE.flow, () => scroller.scrollHeight <= scroller.clientHeight);
    box.classList.toggle('board-notes-more', !fitted.fits);
    if (!fitted.fits) scroller.scrollTop = scroller.scrollHeight;
  }, []);
  useLayoutEffect(refit);
  useRefit(area, refit, { watchContent: true });

  return (
    <div className="board-notes" ref={area} hidden={hidden}>
      <NotesArea {...props} />
    </div>
  );
}
