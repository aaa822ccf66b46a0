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
  | 'tooLarge';

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
    case 'tooLarge':
      return 'These notes are full: nothing more can be saved.';
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
  synced: boolean;
  /** Synced at least once since the page opened. */
  everSynced: boolean;
}

/** One status from the facts, the most important first: an ended session outranks any connection trouble. */
export function deriveNotesStatus(facts: NotesConnectionFacts): NotesStatus {
  if (facts.ended || facts.closedCode === NOTES_CLOSE.sessionEnded.code) return 'readOnly';
  if (facts.closedCode === NOTES_CLOSE.tooLarge.code) return 'tooLarge';
  if (facts.closedCode !== null || facts.gaveUp) return 'refused';
  if (!facts.loaded) return 'loading';
  if (!facts.online) return 'offline';
  if (facts.synced) return 'connected';
  return facts.everSynced ? 'reconnecting' : 'connecting';
}

/** Whether people may type into the notes in this status (the projector never may). */
export function notesEditable(status: NotesStatus, surface: NotesSurface): boolean {
  if (surface === 'board') return false;
  return status !== 'readOnly' && status !== 'refused' && status !== 'tooLarge' && status !== 'loading';
}
