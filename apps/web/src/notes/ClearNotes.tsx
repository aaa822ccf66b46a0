import { useState } from 'react';
import { apiPost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useAction } from '../useAction';
import type { NotesRoom } from './NotesRoom';

/**
 * The EP's way out of notes that are full: deletes the shown stage's notes for everyone, asked twice since it
 * cannot be undone. If that is not enough, it says so: another stage's notes must go too.
 */
export function ClearNotes({
  room,
  sessionId,
  caseId,
  stage,
}: {
  room: NotesRoom;
  sessionId: string;
  caseId: string;
  stage: { id: string; name: string };
}) {
  const [confirming, setConfirming] = useState(false);
  const [stillFull, setStillFull] = useState(false);
  const { busy, error, run } = useAction();

  async function clear() {
    await run(async () => {
      const path = `/api/sessions/${encodeURIComponent(sessionId)}/cases/${encodeURIComponent(caseId)}/notes/clear`;
      const { full } = await apiPost<{ full: boolean }>(path, { stageId: stage.id });
      setConfirming(false);
      setStillFull(full);
      if (!full) room.reopen();
    });
  }

  return (
    <div className="notes-clear stack">
      <ErrorAlert message={error} />
      {stillFull && <p role="status">The notes are still full: clear another stage’s notes too.</p>}
      {confirming ? (
        <div className="confirm">
          <p>Clear the notes of {stage.name} for everyone? This cannot be undone.</p>
          <div className="button-row">
            <button type="button" className="button danger" disabled={busy} onClick={clear}>
              Yes, clear them
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" className="button danger small" onClick={() => setConfirming(true)}>
            Clear these notes
          </button>
        </p>
      )}
    </div>
  );
}
