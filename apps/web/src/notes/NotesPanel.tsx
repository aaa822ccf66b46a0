import { useEffect, useId } from 'react';
import { browserStore } from '../meeting/storage';
import { ClearNotes } from './ClearNotes';
import { NotesEditor } from './NotesEditor';
import { NotesFindings } from './NotesFindings';
import type { NotesAccess } from './NotesRoom';
import { type NotesSurface, notesEditable, notesFull, notesStatusText } from './notesStatus';
import { rememberNotesDoc } from './phoneNotes';
import { useNotesRoom } from './useNotesRoom';
import './notes.css';

export interface NotesPanelProps {
  caseId: string;
  stage: { id: string; name: string };
  access: NotesAccess;
  surface: NotesSurface;
  /** Shown with this person's caret to everyone else. */
  userName: string;
  /** The meeting has ended: the notes stay, read-only. */
  ended: boolean;
}

/**
 * The notes of the current stage of the current case, shared live. Loaded on demand (Tiptap and Yjs stay out
 * of the phone's first load): the default export is what the pages import lazily.
 */
export default function NotesPanel({ caseId, stage, access, surface, userName, ended }: NotesPanelProps) {
  const headingId = useId();
  const { room, status } = useNotesRoom({ caseId, access, persistOffline: surface === 'phone' });

  useEffect(() => {
    room?.setEnded(ended);
  }, [room, ended]);

  // A phone remembers which notes it keeps a copy of, so they are deleted when the session ends.
  useEffect(() => {
    if (room && access.role === 'participant') rememberNotesDoc(browserStore(), access.sessionId, room.docName);
  }, [room, access.role, access.sessionId]);

  const editable = notesEditable(status, surface);
  return (
    <section className={`notes notes-${surface}`} aria-labelledby={headingId}>
      <div className="notes-heading">
        <h2 id={headingId}>Notes</h2>
        <p className={`notes-status notes-status-${status}`} aria-live="polite">
          <span className="connection-dot" aria-hidden="true" />
          {notesStatusText(status, surface)}
        </p>
      </div>
      {room && surface === 'console' && notesFull(status) && !ended && (
        <ClearNotes key={`clear:${stage.id}`} room={room} sessionId={access.sessionId} caseId={caseId} stage={stage} />
      )}
      {room && status !== 'loading' && (
        <NotesEditor
          key={stage.id}
          room={room}
          stageId={stage.id}
          label={`Notes: ${stage.name}`}
          userName={userName}
          editable={editable}
        />
      )}
      {/* Issue 10: the console lists what looks like personal data as people type; phones never load the check. */}
      {room && surface === 'console' && !ended && (
        <NotesFindings key={`findings:${stage.id}`} doc={room.doc} stageId={stage.id} />
      )}
    </section>
  );
}
