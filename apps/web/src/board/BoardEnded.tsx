import type { ReactNode } from 'react';

/** The board once the session has ended: the last stage's notes stay on the screen, read-only, when there were any. */
export function BoardEnded({ notes }: { notes?: ReactNode }) {
  if (!notes) {
    return (
      <main className="board board-message">
        <h1>This session has ended.</h1>
      </main>
    );
  }
  return (
    <main className="board board-live board-ended">
      <h1 className="board-stage">This session has ended.</h1>
      <div className="board-stage-area board-layout-notes">{notes}</div>
    </main>
  );
}
