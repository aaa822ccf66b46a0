import { NOTES_CLOSE } from '@consultboard/domain';

/** Where the notes show: they are kept on a phone, in the EP's browser tab, and only shown on the projector. */
export type NotesSurface = 'phone' | 'console' | 'board';

/** How a notes connection stands, from the person's point of view. */
export type NotesStatus =
  | 'loading'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'readOnly'
  | 'refused'
  /** The server refused a change from here (not a well-formed edit of these notes). */
  | 'rejected'
  /** The notes are over their size limit: read-only until the EP clears a stage. */
  | 'full'
  /** A change from here would have taken the notes over their size limit: it was not saved. */
  | 'tooLarge'
  /** This device has the notes open in too many places at once. */
  | 'tooManyConnections';

/** The status in words a person understands. */
export function notesStatusText(status: NotesStatus, surface: NotesSurface): string {
  switch (status) {
    case 'loading':
      return 'Opening the notes…';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'offline':
      if (surface === 'phone') return 'Offline: saved on this phone';
      if (surface === 'console') return 'Offline: saved in this browser';
      return 'Offline: reconnecting when the network is back';
    case 'readOnly':
      return 'Notes are read-only now';
    case 'refused':
      return 'The notes could not connect. Reload the page to try again.';
    case 'rejected':
      return 'A change here could not be saved. Reload the page to try again.';
    case 'full':
      return surface === 'console'
        ? 'These notes are full. Clear a stage’s notes to carry on.'
        : 'These notes are full. The EP can clear a stage’s notes to carry on.';
    case 'tooLarge':
      return surface === 'console'
        ? 'These notes are full: the last change was not saved. Clear a stage’s notes to carry on.'
        : 'These notes are full: the last change was not saved. The EP can clear a stage’s notes to carry on.';
    case 'tooManyConnections':
      return 'The notes are open in too many tabs on this device. Close the others, then reload this page.';
  }
}

/** What a notes room knows about its connection; deriveNotesStatus turns it into one status. */
export interface NotesConnectionFacts {
  /** The local copy is ready to show (IndexedDB loaded, on phones). */
  loaded: boolean;
  /** The meeting has ended (from the meeting state). */
  ended: boolean;
  /** The close code of a connection the server ended for good, if it did. */
  closedCode: number | null;
  /** Too many refused attempts while the server itself answered: stopped trying. */
  gaveUp: boolean;
  online: boolean;
  /** The server said the notes are over their size limit (on the current connection). */
  full: boolean;
  synced: boolean;
  /** Synced at least once since the page opened. */
  everSynced: boolean;
}

/** One status from the facts, the most important first: an ended session outranks any connection trouble. */
export function deriveNotesStatus(facts: NotesConnectionFacts): NotesStatus {
  if (facts.ended || facts.closedCode === NOTES_CLOSE.sessionEnded.code) return 'readOnly';
  if (facts.closedCode === NOTES_CLOSE.tooLarge.code) return 'tooLarge';
  if (facts.closedCode === NOTES_CLOSE.tooManyConnections.code) return 'tooManyConnections';
  if (facts.closedCode === NOTES_CLOSE.malformed.code || facts.closedCode === NOTES_CLOSE.refused.code)
    return 'rejected';
  if (facts.closedCode !== null || facts.gaveUp) return 'refused';
  if (facts.full) return 'full';
  if (!facts.loaded) return 'loading';
  if (!facts.online) return 'offline';
  if (facts.synced) return 'connected';
  return facts.everSynced ? 'reconnecting' : 'connecting';
}

const EDITABLE: ReadonlySet<NotesStatus> = new Set(['connecting', 'connected', 'reconnecting', 'offline']);

/** Whether people may type into the notes in this status (the projector never may). */
export function notesEditable(status: NotesStatus, surface: NotesSurface): boolean {
  return surface !== 'board' && EDITABLE.has(status);
}

/** Whether the notes are over their size limit, so the EP is offered to clear a stage's notes. */
export function notesFull(status: NotesStatus): boolean {
  return status === 'full' || status === 'tooLarge';
}
