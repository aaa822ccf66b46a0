import { type KeyValueStore, readJson, writeJson } from '../meeting/storage';

// What a phone remembers about notes, per session. Kept apart from the notes module so the first load stays small.

export function notesDocsKey(sessionId: string): string {
  return `consultboard.notesDocs.${sessionId}`;
}

export function notesOpenKey(sessionId: string): string {
  return `consultboard.notesOpen.${sessionId}`;
}

/** The notes documents this phone holds a copy of (IndexedDB databases named after them), for this session. */
export function loadNotesDocs(store: KeyValueStore, sessionId: string): string[] {
  const stored = readJson(store, notesDocsKey(sessionId));
  return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === 'string') : [];
}

export function rememberNotesDoc(store: KeyValueStore, sessionId: string, docName: string): void {
  const docs = loadNotesDocs(store, sessionId);
  if (!docs.includes(docName)) writeJson(store, notesDocsKey(sessionId), [...docs, docName]);
}

/** Whether the person had the notes open, so a reload (even offline) opens them again. */
export function loadNotesOpen(store: KeyValueStore, sessionId: string): boolean {
  return readJson(store, notesOpenKey(sessionId)) === true;
}

export function saveNotesOpen(store: KeyValueStore, sessionId: string, open: boolean): void {
  if (open) writeJson(store, notesOpenKey(sessionId), true);
  else store.removeItem(notesOpenKey(sessionId));
}

function deleteIndexedDb(name: string): void {
  if (typeof indexedDB === 'undefined') return;
  // If the notes are still open the deletion waits until they close (the room lets go a moment after unmounting).
  indexedDB.deleteDatabase(name);
}

/** Deletes this session's notes from the phone: confidential notes must not stay on a personal device. */
export function forgetPhoneNotes(
  store: KeyValueStore,
  sessionId: string,
  deleteDatabase: (name: string) => void = deleteIndexedDb,
): void {
  for (const name of loadNotesDocs(store, sessionId)) deleteDatabase(name);
  store.removeItem(notesDocsKey(sessionId));
  store.removeItem(notesOpenKey(sessionId));
}
